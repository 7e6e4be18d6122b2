from giaoban.tasks.forms import ClaimForm


def test_invalid_field_is_marked_for_bootstrap():
    form = ClaimForm({"completed_on": "31/02/2026"})
    assert not form.is_valid()
    assert "is-invalid" in form.fields["completed_on"].widget.attrs["class"]
    assert "is-invalid" not in form.fields["note"].widget.attrs["class"]
    form.add_error("note", "x")
    assert "is-invalid" in form.fields["note"].widget.attrs["class"]
