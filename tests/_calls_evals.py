"""Table entries (see ``tests/_calls.py``) for the generated surface: evals, videos, fine-tuning
checkpoint permissions and graders, audio voices and consents, content provenance checks."""

from __future__ import annotations

from typing import Any

import openai_core.types as t
from openai_core.types import audio as audio_t
from openai_core.types import evals as evals_t
from openai_core.types.evals import runs as runs_t
from openai_core.types.fine_tuning import alpha as alpha_t
from openai_core.types.fine_tuning import checkpoints as ckpt_t

from ._calls import UNSERVABLE, WIRE_ONLY, api_call, no_check
from ._calls_stores import is_, page_of

MP4_BYTES = b"\x00\x00\x00\x18ftypmp42" + bytes(range(64))
WAV_BYTES = b"RIFF\x24\x00\x00\x00WAVEfmt " + bytes(32)
STRING_CHECK = {"type": "string_check", "name": "exact", "input": "{{sample.output_text}}",
                "reference": "{{item.expected}}", "operation": "eq"}

# The spec's example eval gives `data_source_config.schema` as a JSON string where its schema says object.
EVAL_EXAMPLE = "Prism answers the spec's example, whose data_source_config.schema is a string, not an object"

# -- evals ------------------------------------------------------------------------------------------------


@api_call("evals.create", lenient=EVAL_EXAMPLE, check=is_(t.EvalCreateResponse, id=str, object="eval"))
async def evals_create(client: Any) -> Any:
    return await client.evals.create(
        name="capitals",
        data_source_config={"type": "custom", "include_sample_schema": True,
                            "item_schema": {"type": "object", "properties": {"q": {"type": "string"},
                                                                            "expected": {"type": "string"}}}},
        testing_criteria=[STRING_CHECK,
                          {"type": "text_similarity", "name": "close", "input": "{{sample.output_text}}",
                           "reference": "{{item.expected}}", "evaluation_metric": "fuzzy_match",
                           "pass_threshold": 0.8}],
        metadata={"suite": "wire"},
    )


@api_call("evals.retrieve", lenient=EVAL_EXAMPLE, check=is_(t.EvalRetrieveResponse, id=str))
async def evals_retrieve(client: Any) -> Any:
    return await client.evals.retrieve("eval_1")


@api_call("evals.update", lenient=EVAL_EXAMPLE, check=is_(t.EvalUpdateResponse, id=str))
async def evals_update(client: Any) -> Any:
    return await client.evals.update("eval_1", name="capitals v2", metadata={"suite": "wire2"})


@api_call("evals.list", lenient=EVAL_EXAMPLE, check=page_of(t.EvalListResponse, id=str))
async def evals_list(client: Any) -> Any:
    return await client.evals.list(limit=2, order="asc", order_by="updated_at")


@api_call("evals.delete", is_(t.EvalDeleteResponse, eval_id=str, deleted=True))
async def evals_delete(client: Any) -> Any:
    return await client.evals.delete("eval_1")


RUN = is_(evals_t.RunCreateResponse, id=str, object="eval.run")


@api_call("evals.runs.create", RUN)
async def runs_create(client: Any) -> Any:
    return await client.evals.runs.create(
        "eval_1", name="first",
        data_source={"type": "jsonl", "source": {"type": "file_content",
                                                 "content": [{"item": {"q": "France?", "expected": "Paris"}}]}},
        metadata={"run": "1"},
    )


@api_call("evals.runs.retrieve", is_(evals_t.RunRetrieveResponse, id=str))
async def runs_retrieve(client: Any) -> Any:
    return await client.evals.runs.retrieve("run_1", eval_id="eval_1")


@api_call("evals.runs.list", page_of(evals_t.RunListResponse, id=str))
async def runs_list(client: Any) -> Any:
    return await client.evals.runs.list("eval_1", status="completed", limit=3)


@api_call("evals.runs.delete", is_(evals_t.RunDeleteResponse, run_id=str, deleted=True))
async def runs_delete(client: Any) -> Any:
    return await client.evals.runs.delete("run_1", eval_id="eval_1")


@api_call("evals.runs.cancel", no_check, prism=WIRE_ONLY)
async def runs_cancel(client: Any) -> Any:
    # Wire only: the official SDK posts to `.../runs/{run_id}/cancel`, a path the spec of 2026-08-21 lacks.
    return await client.evals.runs.cancel("run_1", eval_id="eval_1")


@api_call("evals.runs.output_items.retrieve", is_(runs_t.OutputItemRetrieveResponse, id=str))
async def output_items_retrieve(client: Any) -> Any:
    return await client.evals.runs.output_items.retrieve("item_1", eval_id="eval_1", run_id="run_1")


@api_call("evals.runs.output_items.list", page_of(runs_t.OutputItemListResponse, id=str))
async def output_items_list(client: Any) -> Any:
    return await client.evals.runs.output_items.list("run_1", eval_id="eval_1", status="fail", limit=2)


# -- videos -----------------------------------------------------------------------------------------------

VIDEO = is_(t.Video, id=str, object="video")


@api_call("videos.create", VIDEO)
async def videos_create(client: Any) -> Any:
    return await client.videos.create(prompt="A calico cat on a piano", model="sora-2", seconds="4",
                                      size="720x1280")


@api_call("videos.create[input_reference]", VIDEO)
async def videos_create_reference(client: Any) -> Any:
    return await client.videos.create(prompt="Animate this", input_reference=("first.png", b"\x89PNG", "image/png"))


@api_call("videos.retrieve", VIDEO)
async def videos_retrieve(client: Any) -> Any:
    return await client.videos.retrieve("video_1")


@api_call("videos.list", page_of(t.Video, id=str))
async def videos_list(client: Any) -> Any:
    return await client.videos.list(limit=2, order="asc")


@api_call("videos.delete", is_(t.VideoDeleteResponse, id=str, deleted=True))
async def videos_delete(client: Any) -> Any:
    return await client.videos.delete("video_1")


@api_call("videos.remix", VIDEO)
async def videos_remix(client: Any) -> Any:
    return await client.videos.remix("video_1", prompt="Now at night")


@api_call("videos.download_content", no_check, prism=UNSERVABLE)
async def videos_download(client: Any) -> Any:
    return (await client.videos.download_content("video_1", variant="thumbnail")).content


@api_call("videos.edit", VIDEO)
async def videos_edit(client: Any) -> Any:
    return await client.videos.edit(prompt="Make it blue", video=("in.mp4", MP4_BYTES, "video/mp4"))


@api_call("videos.extend", VIDEO)
async def videos_extend(client: Any) -> Any:
    return await client.videos.extend(prompt="Keep going", seconds="8", video=("in.mp4", MP4_BYTES, "video/mp4"))


@api_call("videos.create_character", no_check, prism=WIRE_ONLY)
async def videos_create_character(client: Any) -> Any:
    # Wire only: the official SDK sends the clip as `video`; the spec's form for this operation differs.
    return await client.videos.create_character(name="Mia", video=("mia.mp4", MP4_BYTES, "video/mp4"))


@api_call("videos.get_character", is_(t.VideoGetCharacterResponse, id=str))
async def videos_get_character(client: Any) -> Any:
    return await client.videos.get_character("char_1")


@api_call("videos.poll", no_check, prism=WIRE_ONLY)
async def videos_poll(client: Any) -> Any:
    # Wire only: Prism's video is always `queued`.
    return await client.videos.poll("video_queued", poll_interval_ms=1)


@api_call("videos.create_and_poll", no_check, prism=WIRE_ONLY)
async def videos_create_and_poll(client: Any) -> Any:
    return await client.videos.create_and_poll(prompt="A wave", seconds="4", poll_interval_ms=1)


# -- fine_tuning.checkpoints.permissions, fine_tuning.alpha.graders --------------------------------------

CKPT = "ft:gpt-4o-mini-2024-07-18:org:custom:ckpt-step-10"


@api_call("fine_tuning.checkpoints.permissions.create", page_of(ckpt_t.PermissionCreateResponse, id=str))
async def permissions_create(client: Any) -> Any:
    return await client.fine_tuning.checkpoints.permissions.create(CKPT, project_ids=["proj_1", "proj_2"])


@api_call("fine_tuning.checkpoints.permissions.retrieve", is_(ckpt_t.PermissionRetrieveResponse, object="list"))
async def permissions_retrieve(client: Any) -> Any:
    return await client.fine_tuning.checkpoints.permissions.retrieve(CKPT, limit=5, order="ascending",
                                                                     project_id="proj_1")


@api_call("fine_tuning.checkpoints.permissions.list", page_of(ckpt_t.PermissionListResponse, id=str))
async def permissions_list(client: Any) -> Any:
    return await client.fine_tuning.checkpoints.permissions.list(CKPT, limit=5, after="perm_0")


@api_call("fine_tuning.checkpoints.permissions.delete", is_(ckpt_t.PermissionDeleteResponse, id=str,
                                                            deleted=True))
async def permissions_delete(client: Any) -> Any:
    return await client.fine_tuning.checkpoints.permissions.delete("perm_1", fine_tuned_model_checkpoint=CKPT)


@api_call("fine_tuning.alpha.graders.run", is_(alpha_t.GraderRunResponse, reward=0))
async def graders_run(client: Any) -> Any:
    return await client.fine_tuning.alpha.graders.run(grader=STRING_CHECK, model_sample="Paris",
                                                      item={"expected": "Paris"})


@api_call("fine_tuning.alpha.graders.validate", is_(alpha_t.GraderValidateResponse))
async def graders_validate(client: Any) -> Any:
    return await client.fine_tuning.alpha.graders.validate(
        grader={"type": "python", "name": "len", "source": "def grade(sample, item):\n    return 1.0\n"})


# -- audio voices, consents; content provenance -----------------------------------------------------------


@api_call("audio.voices.create", is_(audio_t.Voice, id=str, object="audio.voice"))
async def voices_create(client: Any) -> Any:
    return await client.audio.voices.create(name="narrator", audio_sample=("sample.wav", WAV_BYTES, "audio/wav"),
                                            consent="cons_1")


@api_call("audio.voices.delete", no_check, prism=WIRE_ONLY)
async def voices_delete(client: Any) -> Any:
    # Wire only: the spec of 2026-08-21 has no DELETE /audio/voices/{voice_id} (scripts/openapi_supplement.yaml).
    return await client.audio.voices.delete("voice_1")


CONSENT = is_(audio_t.VoiceConsent, id=str, object="audio.voice_consent")


@api_call("audio.voice_consents.create", CONSENT)
async def consents_create(client: Any) -> Any:
    return await client.audio.voice_consents.create(language="en-US", name="Ann",
                                                    recording=("consent.wav", WAV_BYTES, "audio/wav"))


@api_call("audio.voice_consents.retrieve", CONSENT)
async def consents_retrieve(client: Any) -> Any:
    return await client.audio.voice_consents.retrieve("cons_1")


@api_call("audio.voice_consents.update", CONSENT)
async def consents_update(client: Any) -> Any:
    return await client.audio.voice_consents.update("cons_1", name="Ann B.")


@api_call("audio.voice_consents.list", page_of(audio_t.VoiceConsent, id=str))
async def consents_list(client: Any) -> Any:
    return await client.audio.voice_consents.list(limit=2)


@api_call("audio.voice_consents.delete", is_(audio_t.VoiceConsentDeleted, id=str, deleted=True))
async def consents_delete(client: Any) -> Any:
    return await client.audio.voice_consents.delete("cons_1")


@api_call("content_provenance_checks.create", is_(t.ContentProvenanceCheck, object="content_provenance_check"))
async def provenance_create(client: Any) -> Any:
    return await client.content_provenance_checks.create(file=("photo.png", b"\x89PNG\r\n", "image/png"))


@api_call("audio.voices.create[prompt]", no_check, prism=WIRE_ONLY)
async def voices_create_prompt(client: Any) -> Any:
    # Wire only: a voice designed from a prompt is newer than the spec of 2026-08-21 (which requires a sample).
    return await client.audio.voices.create(name="narrator", type="prompt", prompt="A warm, calm baritone",
                                            model="auto", script_hint="Welcome back")
