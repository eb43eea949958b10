"""Provider files: mistakes named by file, line and field; discovery and import; the engine's
auth kinds (HS256 JWT, query key), sync base64 answers and find_task, against loopback vendors.

The MiniMax and fal files run the hand-written clients' own scenarios in
test_minimax_provider.py and test_fal_provider.py.
"""

from __future__ import annotations

import json
import shutil
import time
from pathlib import Path

import pytest

from providers import provider_files, registry
from providers.base import FAILED, SUCCEEDED, ImageRequest, TaskHandle, VideoRequest
from providers.errors import ProviderError
from providers.provider_files import ProviderFileError, import_file, load_file, scan
from tests.providers.servers.base import Request, json_reply
from tests.providers.servers.drive import poll_until_done
from tests.providers.servers.kling import ACCESS_KEY, SECRET_KEY, KlingServer
from tests.providers.servers.media import mp4_bytes, png_bytes
from tests.providers.servers.openai import API_KEY as OPENAI_KEY
from tests.providers.servers.openai import OpenAIServer

SHIPPED = Path(__file__).resolve().parents[2] / "resources" / "providers"
DOCS = Path(__file__).resolve().parents[2] / "docs" / "guide" / "provfiles.md"

KLING_TOML = '''\
format = 1
name = "kling_file"
label = "Kling (file)"
capabilities = ["video"]
poll_interval = 5

[[fields]]
key = "base_url"
label = "Base URL"
default = "https://api-singapore.klingai.com"
required = true

[[fields]]
key = "access_key"
label = "Access key"
kind = "secret"
required = true

[[fields]]
key = "secret_key"
label = "Secret key"
kind = "secret"
required = true

[[fields]]
key = "video_model"
label = "Video model"
default = "kling-v2-1"
capability = "video"

[auth]
type = "jwt_hs256"
access_key = "access_key"
secret_key = "secret_key"

[errors]
code = "code"
message = "message"
ok_codes = [0]
rules = [
  { code = [1102], kind = "quota", text = "the account has no credit left" },
  { code = [1302, 1303], kind = "rate_limit" },
  { code = [1301], kind = "content_policy" },
]

[video.create]
path = "/v1/videos/image2video"
task_id = "data.task_id"

[video.create.body]
model_name = "{model}"
prompt = "{prompt}"
image = "{first_frame|base64}"
image_tail = "{last_frame|base64}"
duration = "{duration|nearest:5,10|str}"
external_task_id = "{client_ref}"

[video.poll]
path = "/v1/videos/image2video/{task_id}"
state = "data.task_status"
states = { submitted = "queued", processing = "running", succeed = "succeeded", failed = "failed" }
failure_reason = "data.task_status_msg"

[video.outputs]
urls = "result.data.task_result.videos[].url"

[video.lookup]
path = "/v1/videos/image2video"
query = { pageNum = 1, pageSize = 30 }
task_id = "data[?task_info.external_task_id == '{client_ref}'].task_id | [0]"
'''


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def problems_of(path: Path) -> list[provider_files.FileProblem]:
    with pytest.raises(ProviderFileError) as err:
        load_file(path)
    return err.value.problems


# --- mistakes, with their line and field ------------------------------------------------------------------

def test_json_syntax_error_names_the_line(tmp_path):
    text = (SHIPPED / "fal_queue.json").read_text().replace('"poll_interval": 2,', '"poll_interval": 2')
    [problem] = problems_of(write(tmp_path, "fal.json", text))
    assert problem.file == "fal.json" and problem.line == 9 and "not valid JSON" in problem.message


def test_json_unknown_key_and_bad_value_name_their_lines(tmp_path):
    data = json.loads((SHIPPED / "fal_queue.json").read_text())
    data["video"]["poll"]["staets"] = data["video"]["poll"].pop("states")
    data["prices"][1]["unit"] = "secs"
    text = json.dumps(data, indent=2)
    lines = text.splitlines()
    found = {p.field: p for p in problems_of(write(tmp_path, "fal.json", text))}
    unit_line = next(i for i, line in enumerate(lines, 1) if '"secs"' in line)
    typo_line = next(i for i, line in enumerate(lines, 1) if '"staets"' in line)
    assert found["prices[1].unit"].line == unit_line and "secs" in found["prices[1].unit"].message
    assert found["video.poll.staets"].line == typo_line and "unknown key" in found["video.poll.staets"].message
    assert f"fal.json:{typo_line}: video.poll.staets: unknown key" in str(found["video.poll.staets"])


def test_toml_syntax_error_names_line_and_column(tmp_path):
    [problem] = problems_of(write(tmp_path, "k.toml", KLING_TOML.replace('label = "Kling (file)"', 'label = Kling')))
    assert problem.line == 3 and "not valid TOML" in problem.message


def test_toml_semantic_errors_map_back_to_their_lines(tmp_path):
    text = (KLING_TOML.replace('prompt = "{prompt}"', 'prompt = "{promt}"')
            .replace('state = "data.task_status"', 'state = "data.[task_status"')
            .replace('kind = "secret"\nrequired = true\n\n[[fields]]\nkey = "secret_key"',
                     'kind = "secret"\nrequired = true\n\n[[fields]]\nkey = "secret_key"\nsecret = "yes"'))
    lines = text.splitlines()
    found = {p.field: p for p in problems_of(write(tmp_path, "k.toml", text))}
    assert found["fields[2].secret"].line == lines.index('secret = "yes"') + 1
    # schema problems come first; fix that one and the template and path mistakes are reported
    text = text.replace('secret = "yes"\n', "")
    lines = text.splitlines()
    found = {p.field: p for p in problems_of(write(tmp_path, "k.toml", text))}
    assert found["video.create.body.prompt"].line == lines.index('prompt = "{promt}"') + 1
    assert "unknown placeholder 'promt'" in found["video.create.body.prompt"].message
    assert found["video.poll.state"].line == lines.index('state = "data.[task_status"') + 1


def test_missing_pieces_are_explained(tmp_path):
    text = KLING_TOML.replace('task_id = "data.task_id"\n', "").replace('key = "access_key"', 'key = "ak"', 1)
    messages = {p.field: p.message for p in problems_of(write(tmp_path, "k.toml", text))}
    assert "task id" in messages["video.create"]
    assert "'access_key'" in messages["auth.access_key"]


# --- the user's folder ---------------------------------------------------------------------------------

def test_folder_scan_registers_good_files_and_lists_broken_ones(tmp_path, monkeypatch):
    folder = tmp_path / "settings" / "providers"
    folder.mkdir(parents=True)
    shutil.copy(SHIPPED / "minimax_video.toml", folder)
    write(folder, "clash.json", (SHIPPED / "fal_queue.json").read_text().replace('"fal_queue"', '"kling"'))
    write(folder, "broken.toml", "format = 1\nname = 'x'\n[[fields]\n")
    monkeypatch.setenv("MICRODRAMA_SETTINGS_DIR", str(tmp_path / "settings"))
    assert "minimax_video" in registry.names() and registry.get("minimax_video").source.endswith(".toml")
    assert registry.get("kling").factory == "providers.kling:KlingProvider"  # a file cannot replace a built-in
    problems = {p.file: p for p in provider_files.problems()}
    assert "already used by a built-in provider" in problems["clash.json"].message
    assert problems["broken.toml"].line == 3


def test_import_checks_then_copies(tmp_path):
    folder = tmp_path / "providers"
    bad = write(tmp_path, "bad.toml", KLING_TOML.replace('path = "/v1/videos/image2video"\n', "", 1))
    with pytest.raises(ProviderFileError):
        import_file(bad, folder)
    assert not folder.exists() or not any(folder.iterdir())
    info = import_file(write(tmp_path, "mine.toml", KLING_TOML), folder)
    assert info.name == "kling_file" and (folder / "kling_file.toml").is_file()
    assert "kling_file" in scan(folder).providers


# --- the engine: JWT auth, raw base64, string duration, client_ref, find_task ---------------------------------

class KlingListServer(KlingServer):
    """Kling also lists tasks (GET /v1/videos/image2video), each with its task_info.external_task_id."""

    def handle(self, req: Request):
        if req.route == "GET /v1/videos/image2video" and self._auth(req) is None:
            with self.lock:
                tasks = [t for t in self.tasks.values() if t.kind == "image2video"]
            return self.envelope([{"task_id": t.task_id, "task_status": "submitted", "created_at": t.created_at,
                                   "task_info": {"external_task_id": t.body.get("external_task_id", "")}}
                                  for t in tasks])
        return super().handle(req)


@pytest.fixture
def kling_file(tmp_path):
    return load_file(write(tmp_path, "kling.toml", KLING_TOML))


def test_kling_file_with_jwt_raw_base64_and_client_ref(kling_file, tmp_path):
    with KlingListServer() as server:
        provider = kling_file.create({"base_url": server.url, "access_key": ACCESS_KEY, "secret_key": SECRET_KEY},
                                     staging_dir=tmp_path)
        frame = tmp_path / "f.png"
        frame.write_bytes(png_bytes())
        request = VideoRequest(prompt="a walk", first_frame=str(frame), duration=8, client_ref="job-42-a")
        handle = provider.submit(request)
        body = server.received("POST /v1/videos/image2video")[0].json()
        assert body["duration"] == "10" and body["external_task_id"] == "job-42-a"
        assert body["image"] and not body["image"].startswith("data:") and "image_tail" not in body
        assert server.tokens[0]["iss"] == ACCESS_KEY and server.tokens[0]["exp"] - time.time() > 1700
        status = poll_until_done(provider, TaskHandle.from_dict(handle.to_dict()))
        assert status.state == SUCCEEDED
        assert provider.download(status.outputs[0], tmp_path / "out").read_bytes() == mp4_bytes()
        found = provider.find_task(request, "job-42-a", time.time() - 60)
        assert found is not None and found.task_id == handle.task_id
        assert provider.find_task(request, "job-never-sent", time.time() - 60) is None


def test_find_task_through_the_task_list_matches_our_id_and_the_creation_time(tmp_path):
    by_path = "task_id = \"data[?task_info.external_task_id == '{client_ref}'].task_id | [0]\""
    assert by_path in KLING_TOML
    listed = KLING_TOML.replace(by_path, 'items = "data"\nitem_task_id = "task_id"\n'
                                         'item_client_ref = "task_info.external_task_id"\n'
                                         'item_created = "created_at"\ncreated_scale = 1000')
    info = load_file(write(tmp_path, "listed.toml", listed))
    with KlingListServer() as server:
        provider = info.create({"base_url": server.url, "access_key": ACCESS_KEY, "secret_key": SECRET_KEY})
        request = VideoRequest(prompt="rain", first_frame="https://e.x/a.png", client_ref="job-7-b")
        provider.submit(VideoRequest(prompt="other", first_frame="https://e.x/a.png", client_ref="job-6-a"))
        handle = provider.submit(request)
        assert provider.find_task(request, "job-7-b", time.time() - 30).task_id == handle.task_id
        assert provider.find_task(request, "job-7-b", time.time() + 600) is None  # listed before we sent it
        assert provider.find_task(request, "job-8-c", time.time() - 30) is None


def test_kling_file_failure_and_errors(kling_file, tmp_path):
    with KlingServer() as server:
        provider = kling_file.create({"base_url": server.url, "access_key": ACCESS_KEY, "secret_key": SECRET_KEY},
                                     staging_dir=tmp_path)
        server.next_outcome = "failed"
        status = poll_until_done(provider, provider.submit(VideoRequest(prompt="x", first_frame="https://e.x/a.png")))
        assert status.state == FAILED and "risk control" in status.error
        from tests.providers.servers.kling import kling_error
        server.fail_next("POST /v1/videos", kling_error(429, 1102, "Account balance not enough"))
        with pytest.raises(ProviderError) as err:
            provider.submit(VideoRequest(prompt="x", first_frame="https://e.x/a.png"))
        assert (err.value.kind, err.value.retryable, err.value.vendor_code) == ("quota", False, 1102)
        wrong = kling_file.create({"base_url": server.url, "access_key": ACCESS_KEY, "secret_key": "not-the-secret-key-0123456789abcdef"})
        with pytest.raises(ProviderError) as err:
            wrong.check_connection()
        assert err.value.kind == "auth"
        assert "accepted" in provider.check_connection()


# --- sync answers with base64 results, query-key auth ------------------------------------------------------

SYNC_JSON = {
    "format": 1, "name": "sync_images", "label": "Sync images", "capabilities": ["image"],
    "fields": [{"key": "base_url", "label": "Base URL", "required": True},
               {"key": "api_key", "label": "Key", "kind": "secret", "required": True}],
    "auth": {"type": "bearer"},
    "image": {"create": {"path": "/images/generations", "sync": True,
                         "body": {"model": "{model or 'gpt-image-1'}", "prompt": "{prompt}", "n": "{n}",
                                  "size": "{size or '1024x1536'}"}},
              "outputs": {"base64": "result.data[].b64_json", "urls": "result.data[].url"}},
}


def test_sync_answer_with_base64_images(tmp_path):
    path = write(tmp_path, "sync.json", json.dumps(SYNC_JSON))
    with OpenAIServer() as server:
        provider = load_file(path).create({"base_url": server.url + "/v1", "api_key": OPENAI_KEY},
                                          staging_dir=tmp_path / "staging")
        handle = provider.submit(ImageRequest(prompt="lighthouse", n=2, width=96, height=160))
        assert server.received("POST /v1/images/generations")[0].json()["size"] == "96x160"
        status = provider.poll(TaskHandle.from_dict(handle.to_dict()))
        assert status.state == SUCCEEDED and len(status.outputs) == 2
        assert provider.download(status.outputs[1], tmp_path / "out").read_bytes() == png_bytes()
        server.image_mode = "url"
        status = provider.poll(provider.submit(ImageRequest(prompt="x")))
        assert provider.download(status.outputs[0], tmp_path / "out2").read_bytes() == png_bytes()


def test_query_key_auth_is_sent_and_scrubbed(tmp_path):
    spec = dict(SYNC_JSON, auth={"type": "query", "param": "key"})
    path = write(tmp_path, "q.json", json.dumps(spec))
    with OpenAIServer(api_key="") as server:
        server.fail_next("POST /v1/images", json_reply({"error": {"message": "quota exceeded", "code": 429}}, 429))
        provider = load_file(path).create({"base_url": server.url + "/v1", "api_key": "qk-secret-1234567890"})
        with pytest.raises(ProviderError) as err:
            provider.submit(ImageRequest(prompt="x"))
        assert server.received("POST /v1/images")[0].query["key"] == "qk-secret-1234567890"
        assert "qk-secret-1234567890" not in str(err.value) and err.value.retryable


def test_docs_examples_load(tmp_path):
    """The two complete examples in docs/guide/provfiles.md are valid files."""
    text = DOCS.read_text(encoding="utf-8")
    blocks = {"toml": text.split("```toml\n", 1)[1].split("```", 1)[0],
              "json": text.split("```json\n", 1)[1].split("```", 1)[0]}
    for suffix, block in blocks.items():
        assert load_file(write(tmp_path, f"example.{suffix}", block)).name


def test_translations_in_the_file_localize_labels_and_are_checked(tmp_path):
    info = load_file(SHIPPED / "minimax_video.toml")
    chinese = info.localized("zh_CN")
    assert chinese.label == "MiniMax 海螺（服务商文件）" and chinese.field("api_key").label == "API 密钥"
    assert [p.label for p in chinese.presets] == ["国际站", "中国大陆"] and chinese.spec is info.spec
    assert info.localized("ja").label == info.label
    text = (SHIPPED / "minimax_video.toml").read_text().replace("resolution = \"分辨率\"", "resolutoin = \"分辨率\"")
    [problem] = problems_of(write(tmp_path, "mm.toml", text))
    assert problem.field == "translations.zh_CN.fields.resolutoin" and "no field" in problem.message
    assert text.splitlines()[problem.line - 1].startswith("fields = {")


def test_an_empty_model_is_a_settings_problem_before_anything_is_sent(tmp_path):
    from tests.providers.servers.fal import API_KEY as FAL_KEY
    from tests.providers.servers.fal import FalServer

    with FalServer() as server:
        provider = load_file(SHIPPED / "fal_queue.json").create({"base_url": server.url, "api_key": FAL_KEY,
                                                                  "image_model": ""})
        with pytest.raises(ProviderError) as err:
            provider.submit(ImageRequest(prompt="x"))
        assert err.value.kind == "config" and "{model}" in str(err.value) and "Settings" in str(err.value)
        assert server.received("POST") == []


def test_a_file_saved_with_a_bom_loads(tmp_path):
    path = tmp_path / "bom.json"
    path.write_bytes(b"\xef\xbb\xbf" + (SHIPPED / "fal_queue.json").read_bytes())
    assert load_file(path).name == "fal_queue"


def _frame(tmp_path: Path) -> str:
    frame = tmp_path / "frame.png"
    frame.write_bytes(png_bytes())
    return str(frame)


@pytest.mark.parametrize("case", [
    dict(kind="image", prompt="a", n=3, seed=0, aspect_ratio="1:1"),
    dict(kind="image", prompt="a", negative_prompt="blur", width=96, height=160, model="fal-ai/recraft/v3"),
    dict(kind="image", prompt="a", reference_images=["FRAME"], aspect_ratio="21:9"),
    dict(kind="video", prompt="a", first_frame="FRAME", last_frame="FRAME", duration=7.5, negative_prompt="x"),
    dict(kind="video", prompt="a", duration=9, aspect_ratio="16:9", parameters={"cfg_scale": 0.4}),
    dict(kind="video", prompt="a", first_frame="https://e.x/a.png", duration=6, model="fal-ai/wan-i2v"),
    dict(kind="video", prompt="a", duration=4, model="fal-ai/ltx-video"),
], ids=lambda c: f"{c['kind']}-{c.get('model', 'default')}-{c.get('duration', '')}")
def test_fal_file_sends_exactly_what_the_hand_written_client_sends(case, fal_server, tmp_path):
    from tests.providers.servers.fal import API_KEY as FAL_KEY

    case = dict(case)
    kind = case.pop("kind")
    for key in ("first_frame", "last_frame"):
        if case.get(key) == "FRAME":
            case[key] = _frame(tmp_path)
    if case.get("reference_images"):
        case["reference_images"] = [_frame(tmp_path)]
    request = (ImageRequest if kind == "image" else VideoRequest)(**case)
    settings = {"base_url": fal_server.url, "api_key": FAL_KEY}
    sent = []
    for info in (registry.get("fal"), load_file(SHIPPED / "fal_queue.json")):
        before = len(fal_server.received("POST"))
        handle = info.create(settings).submit(request)
        [post] = fal_server.received("POST")[before:]
        sent.append((post.path, post.json(), handle.model))
    assert sent[0] == sent[1]


@pytest.mark.parametrize("case", [
    dict(prompt="a", duration=5), dict(prompt="a", duration=8.5, first_frame="FRAME"),
    dict(prompt="a", duration=10, model="T2V-01-Director", parameters={"resolution": "1080P", "x": 1}),
    dict(prompt="a", parameters={"prompt_optimizer": False}, last_frame="https://e.x/l.png", first_frame="FRAME"),
])
def test_minimax_file_sends_exactly_what_the_hand_written_client_sends(case, minimax_server, tmp_path):
    from tests.providers.servers.minimax import API_KEY as MM_KEY

    case = {k: (_frame(tmp_path) if v == "FRAME" else v) for k, v in case.items()}
    settings = {"base_url": minimax_server.url, "api_key": MM_KEY, "resolution": "512P"}
    bodies = []
    for info in (registry.get("minimax"), load_file(SHIPPED / "minimax_video.toml")):
        handle = info.create(settings).submit(VideoRequest(**case))
        bodies.append((minimax_server.received("POST /v1/video_generation")[-1].json(), handle.model,
                       handle.cost_units))
    assert bodies[0] == bodies[1]


def test_damaged_copies_of_the_shipped_files_are_reported_never_raised(tmp_path):
    """A file with a mistake is listed, never a crash: 120 random damages (fixed seed)."""
    import random

    rng = random.Random(7)
    for source in (SHIPPED / "minimax_video.toml", SHIPPED / "fal_queue.json"):
        lines = source.read_text(encoding="utf-8").splitlines()
        for _ in range(60):
            damaged = list(lines)
            j = rng.randrange(len(damaged))
            if rng.random() < 0.5:
                del damaged[j]
            elif damaged[j]:
                k = rng.randrange(len(damaged[j]))
                damaged[j] = damaged[j][:k] + damaged[j][k + 1:]
            path = write(tmp_path, f"damaged{source.suffix}", "\n".join(damaged))
            try:
                load_file(path)
            except ProviderFileError as err:
                assert all(p.file == path.name and p.message for p in err.problems)
