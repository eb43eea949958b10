"""Kling's current models against the loopback Kling server: durations per model, sound, elements, multi-shot."""

from __future__ import annotations

import pytest

from providers import registry
from providers.base import SUCCEEDED, VideoRequest
from providers.errors import ProviderError
from providers.kling_models import duration_string, split_durations, tag_prompt
from tests.providers.servers.drive import poll_until_done
from tests.providers.servers.kling import ACCESS_KEY, SECRET_KEY


def client(server, tmp_path, **kw):
    return registry.create("kling", {"base_url": server.url, "access_key": ACCESS_KEY, "secret_key": SECRET_KEY,
                                     "timeout": 5, "elements_cache": str(tmp_path / "elements.json"),
                                     "element_poll_interval": 0.01, **kw}, staging_dir=tmp_path)


@pytest.fixture
def portraits(tmp_path):
    import cv2
    import numpy as np

    paths = []
    for i in range(2):
        img = np.full((480, 360, 3), 40 + 80 * i, np.uint8)
        cv2.circle(img, (180, 200), 90, (200, 170, 150), -1)
        path = tmp_path / f"lin-{i}.png"
        cv2.imwrite(str(path), img)
        paths.append(str(path))
    return paths


def test_durations_follow_the_model():
    assert duration_string("kling-v3", 7.2) == "7" and duration_string("kling-v3", 1) == "3"
    assert duration_string("kling-v3", 20) == "15"
    assert duration_string("kling-v2-5-turbo", 7.5) == "10" and duration_string("kling-v1-6", 3) == "5"
    assert duration_string("kling-v9-unknown", 8) == "10"  # unknown models keep the old two lengths


def test_old_model_names_still_work(kling_server, tmp_path):
    provider = client(kling_server, tmp_path, video_model="kling-v1-6")
    status = poll_until_done(provider, provider.submit(VideoRequest(prompt="x", duration=4)))
    assert status.state == SUCCEEDED
    assert kling_server.received("POST /v1/videos/text2video")[0].json()["duration"] == "5"


def test_kling_v3_duration_and_sound(kling_server, tmp_path):
    provider = client(kling_server, tmp_path, video_model="kling-v3")
    provider.submit(VideoRequest(prompt="x", duration=8.4, parameters={"sound": True}))
    body = kling_server.received("POST /v1/videos/text2video")[0].json()
    assert (body["model_name"], body["duration"], body["sound"]) == ("kling-v3", "8", "on")
    with pytest.raises(ProviderError, match="silent") as err:
        client(kling_server, tmp_path, video_model="kling-v2-5-turbo").submit(
            VideoRequest(prompt="x", parameters={"sound": "on"}))
    assert err.value.kind == "bad_request"


def test_a_character_becomes_one_element_reused_in_every_shot(kling_server, tmp_path, portraits):
    provider = client(kling_server, tmp_path, video_model="kling-v3")
    for prompt in ("Lin Mei opens the door", "Close on lin mei, she smiles"):
        subjects = [{"key": "c1", "name": "Lin Mei", "description": "a young courier", "images": portraits}]
        request = VideoRequest(prompt=prompt, duration=5, parameters={"subjects": subjects})
        handle = provider.submit(request)
        assert subjects[0]["element_id"]  # written back into the request: a resumed job does not create it again
        assert poll_until_done(provider, handle).state == SUCCEEDED
    creates = kling_server.received("POST /v1/general/advanced-custom-elements")
    assert len(creates) == 1
    element = creates[0].json()
    assert element["reference_type"] == "image_refer" and element["tag_list"] == [{"tag_id": "o_102"}]
    assert not element["element_image_list"]["frontal_image"].startswith("data:")
    bodies = [r.json() for r in kling_server.received("POST /v1/videos/text2video")]
    ids = {b["element_list"][0]["element_id"] for b in bodies}
    assert len(ids) == 1
    assert bodies[0]["prompt"] == "Lin Mei <<<element_1>>> opens the door"
    assert bodies[1]["prompt"] == "Close on lin mei <<<element_1>>>, she smiles"
    # a new client (a restart) finds the element in the cache file
    client(kling_server, tmp_path, video_model="kling-v3").submit(
        VideoRequest(prompt="Lin Mei runs", parameters={"subjects": [{"name": "Lin Mei", "images": portraits}]}))
    assert len(kling_server.received("POST /v1/general/advanced-custom-elements")) == 1


def test_a_refused_element_shows_the_reason(kling_server, tmp_path, portraits):
    kling_server.element_outcome = "failed"
    provider = client(kling_server, tmp_path, video_model="kling-v3")
    with pytest.raises(ProviderError, match="risk control") as err:
        provider.submit(VideoRequest(prompt="x", parameters={"subjects": [{"name": "A", "images": portraits}]}))
    assert not err.value.retryable
    assert kling_server.received("POST /v1/videos/text2video") == []


def test_old_models_take_no_elements_but_keep_the_names(kling_server, tmp_path, portraits):
    provider = client(kling_server, tmp_path, video_model="kling-v2-5-turbo")
    provider.submit(VideoRequest(prompt="Lin Mei waits", parameters={"subjects": [
        {"name": "Lin Mei", "images": portraits, "element_id": "123"}]}))
    body = kling_server.received("POST /v1/videos/text2video")[0].json()
    assert "element_list" not in body and body["prompt"] == "Lin Mei waits"


def test_multi_shot_clip(kling_server, tmp_path):
    provider = client(kling_server, tmp_path, video_model="kling-v3")
    shots = [{"prompt": "wide: the street at night", "duration": 2.4}, {"prompt": "close: her eyes", "duration": 1.5},
             {"prompt": "medium: she runs", "duration": 4.3}]
    handle = provider.submit(VideoRequest(prompt="", duration=8.2, parameters={"multi_prompt": shots}))
    body = kling_server.received("POST /v1/videos/text2video")[0].json()
    assert body["multi_shot"] is True and body["shot_type"] == "customize" and "prompt" not in body
    assert [s["duration"] for s in body["multi_prompt"]] == ["2", "2", "4"] and body["duration"] == "8"
    assert [s["index"] for s in body["multi_prompt"]] == [1, 2, 3]
    assert poll_until_done(provider, handle).state == SUCCEEDED


def test_multi_shot_is_refused_where_the_model_cannot(kling_server, tmp_path, portraits):
    shots = [{"prompt": "a", "duration": 3}, {"prompt": "b", "duration": 3}]
    with pytest.raises(ProviderError, match="one shot per call"):
        client(kling_server, tmp_path, video_model="kling-v2-6").submit(
            VideoRequest(prompt="", duration=6, parameters={"multi_prompt": shots}))
    with pytest.raises(ProviderError, match="no start or end frame"):
        client(kling_server, tmp_path, video_model="kling-v3").submit(
            VideoRequest(prompt="", first_frame=portraits[0], duration=6, parameters={"multi_prompt": shots}))
    assert kling_server.received("POST /v1/videos/") == []


def test_prompt_tags_and_duration_split():
    assert tag_prompt("the hall", ["Lin Mei"]) == "<<<element_1>>> the hall"
    assert split_durations(8, [2.4, 1.5, 4.3]) == [2, 2, 4]
    assert split_durations(3, [0.2, 0.2, 5]) == [1, 1, 1]
    with pytest.raises(ValueError):
        split_durations(2, [1, 1, 1])


def test_an_end_frame_on_a_model_without_one_is_refused_before_paying(kling_server, tmp_path, portraits):
    provider = client(kling_server, tmp_path, video_model="kling-v2-1-master")
    with pytest.raises(ProviderError, match="takes no end frame"):
        provider.submit(VideoRequest(prompt="x", first_frame=portraits[0], last_frame=portraits[1]))
    assert kling_server.received("POST /v1/videos/") == []


def test_a_reference_picture_kling_cannot_take_does_not_stop_the_shot(kling_server, tmp_path):
    from tests.providers.servers.media import png_bytes

    small = tmp_path / "small.png"
    small.write_bytes(png_bytes(96, 160))  # under Kling's 300 px
    subjects = [{"name": "Lin Mei", "images": [str(small)]}]
    provider = client(kling_server, tmp_path, video_model="kling-v3")
    provider.submit(VideoRequest(prompt="Lin Mei waits", parameters={"subjects": subjects}))
    body = kling_server.received("POST /v1/videos/text2video")[0].json()
    assert "element_list" not in body and body["prompt"] == "Lin Mei waits"
    assert "300 px" in subjects[0]["element_error"]
    assert kling_server.received("POST /v1/general/advanced-custom-elements") == []


def test_model_cards_round_trip_and_accept_cards_added_at_run_time():
    from providers.model_cards import ModelCard, card_for, check, index
    from providers.model_cards_data import BUILT_IN

    for card in BUILT_IN:
        assert ModelCard.from_dict(card.to_dict()) == card
    v3 = card_for("kling", "kling-v3")
    assert check(v3, VideoRequest(prompt="x", duration=8)) == []
    index().add(ModelCard("myvendor", "new-model-1", "video", "New", durations=(4,), first_frame=True))
    problems = check(card_for("myvendor", "new-model-1"), VideoRequest(prompt="x", duration=6, last_frame="e.png",
                                                                        first_frame="f.png"))
    assert {p.reason.value for p in problems} == {"duration", "last_frame"}
    assert card_for("ark", "dreamina-seedance-2-0-260128").model_in("cn") == "doubao-seedance-2-0-260128"
