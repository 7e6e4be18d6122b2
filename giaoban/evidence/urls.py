from django.urls import path

from giaoban.evidence import views

app_name = "evidence"
urlpatterns = [
    path("", views.desk_page, name="desk"),
    path("ranking.xlsx", views.ranking_xlsx, name="ranking_xlsx"),
    path("ranking.pdf", views.ranking_pdf, name="ranking_pdf"),
    path("units/<int:pk>/", views.unit_evidence, name="unit"),
    path("units/<int:pk>/evidence.docx", views.unit_evidence_docx, name="unit_docx"),
    path("units/<int:pk>/evidence.xlsx", views.unit_evidence_xlsx, name="unit_xlsx"),
]
