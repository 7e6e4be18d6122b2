def test_404_page_is_translated_and_styled(cast, login, settings):
    settings.DEBUG = False
    response = login(cast.unit_b).get(
        f"/tasks/assignments/{cast.asg_a.pk}/", HTTP_ACCEPT_LANGUAGE="en"
    )
    assert response.status_code == 404
    assert "This page does not exist, or you do not have access to it." in response.content.decode()


def test_403_page(cast, login, settings):
    response = login(cast.leader_a).post(
        f"/tasks/assignments/{cast.asg_a.pk}/confirm/", HTTP_ACCEPT_LANGUAGE="en"
    )
    assert response.status_code == 403
    assert "Your role does not allow this action." in response.content.decode()
