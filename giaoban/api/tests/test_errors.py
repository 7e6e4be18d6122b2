"""Schema errors answer 422 with a message in the user's language, not pydantic's English."""

import json


def post(client, url, payload, lang="vi"):
    return client.post(
        url, data=json.dumps(payload), content_type="application/json", HTTP_ACCEPT_LANGUAGE=lang
    )


def test_bad_date_gives_422_with_field_message(cast, login):
    client = login(cast.unit_a)
    response = post(
        client, f"/api/assignments/{cast.asg_a.pk}/claim", {"completed_on": "31/02/2026"}, lang="en"
    )
    assert response.status_code == 422
    body = response.json()
    assert body["errors"]["completed_on"] == ["Enter a valid date as YYYY-MM-DD."]


def test_text_over_limit_and_missing_field(cast, login):
    client = login(cast.unit_a)
    response = post(
        client, f"/api/assignments/{cast.asg_a.pk}/progress", {"text": "x" * 2001}, lang="en"
    )
    assert response.status_code == 422
    assert response.json()["errors"]["text"] == ["The text is too long (at most 2000 characters)."]
    response = post(client, f"/api/assignments/{cast.asg_a.pk}/progress", {}, lang="en")
    assert response.json()["errors"]["text"] == ["This field is required."]
    assert cast.asg_a.progress_updates.count() == 0
