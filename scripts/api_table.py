"""The generator's naming table: the official SDK's names for what the OpenAPI spec describes.

The spec says what goes on the wire; the official ``openai`` SDK (its ``api.md``) says what users call it:
resource paths (``client.vector_stores.files``), method names, and the module path and class name of
every type (``openai.types.vector_stores.vector_store_file.VectorStoreFile``). This table is the one place
that maps the first onto the second; ``scripts/generate.py`` reads nothing else for names.

Types are written ``"module:Class"`` with the module relative to ``openai_core.types``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

__all__ = ["METHODS", "MODEL_REFS", "PARAM_REFS", "RESOURCES", "TYPES", "Method", "Resource"]

# The Assistants-era endpoints ask for this header; the official SDK sends it on every vector store call.
BETA_V2 = {"OpenAI-Beta": "assistants=v2"}
SORA_SHUTDOWN = "The Sora API is scheduled to permanently shut down on September 24, 2026."


@dataclass(frozen=True)
class Resource:
    """``client.<path>``: the class ``Async<name>`` in ``openai_core/resources/<module>``."""

    path: str
    module: str
    name: str
    doc: str
    headers: dict[str, str] = field(default_factory=dict)
    # Methods that are not one API call, written by hand in ``_<stem>_helpers.py`` beside the module.
    helpers: tuple[str, ...] = ()
    # Every method warns so (the official SDK's deprecation of the whole resource).
    deprecated: str | None = None
    # Every call sends the client's ``admin_api_key`` as the bearer (the official SDK's admin security).
    admin: bool = False


@dataclass(frozen=True)
class Method:
    """``client.<resource>.<name>(...)``: ``route`` is the verb and path sent (the official SDK's);
    ``spec`` the spec operation to read the schemas from where the route differs from the spec's."""

    qualname: str
    route: str
    returns: str | None  # None: the official SDK returns None (and asks for ``Accept: */*``)
    params: str | None = None
    page: str | None = None  # "cursor" | "conversation" | "page" | "next" | "token": a paginator of ``returns``
    # "json" | "multipart" | "upload-or-json" (multipart when a file is given) | "binary" | "events" (streams only)
    kind: str = "json"
    files: tuple[str, ...] = ()  # multipart: the parameters sent as file parts
    accept: str = "application/binary"  # binary: the `Accept` the official SDK asks with
    spec: str | None = None
    deprecated: str | None = None
    # ``stream=True`` answers an event stream of this type ("module:Class"); the params leave `stream` out,
    # the resource's overloads add it. With ``kind="events"`` the call only streams (no ``stream`` parameter).
    stream: str | None = None
    # The official "events" stream mode: an `error` event is one of the stream's items, not an exception.
    events: bool = False
    # Parameters sent as a header, not in the body: (parameter, header), e.g. `idempotency_key`.
    header_params: tuple[tuple[str, str], ...] = ()

    @property
    def resource(self) -> str:
        return self.qualname.rpartition(".")[0]

    @property
    def name(self) -> str:
        return self.qualname.rpartition(".")[2]


R = Resource
RESOURCES: list[Resource] = [
    R("vector_stores", "vector_stores/vector_stores.py", "VectorStores",
      "Vector stores: collections of processed files for the ``file_search`` tool.", BETA_V2),
    R("vector_stores.files", "vector_stores/files.py", "Files", "Files in a vector store.", BETA_V2,
      ("create_and_poll", "poll", "upload", "upload_and_poll")),
    R("vector_stores.file_batches", "vector_stores/file_batches.py", "FileBatches",
      "Batches of files added to a vector store together.", BETA_V2,
      ("create_and_poll", "poll", "upload_and_poll")),
    R("containers", "containers/containers.py", "Containers", "Code-interpreter containers."),
    R("containers.files", "containers/files/files.py", "Files", "Files in a container."),
    R("containers.files.content", "containers/files/content.py", "Content", "A container file's bytes."),
    R("evals", "evals/evals.py", "Evals", "Evaluations: a data source and testing criteria."),
    R("evals.runs", "evals/runs/runs.py", "Runs", "Runs of an evaluation."),
    R("evals.runs.output_items", "evals/runs/output_items.py", "OutputItems", "A run's graded items."),
    R("videos", "videos.py", "Videos", "Video generation.", helpers=("create_and_poll", "poll"),
      deprecated=SORA_SHUTDOWN),
    R("skills", "skills/skills.py", "Skills", "Skills: versioned bundles of files for agents."),
    R("skills.content", "skills/content.py", "Content", "A skill's default version as a zip."),
    R("skills.versions", "skills/versions/versions.py", "Versions", "A skill's versions."),
    R("skills.versions.content", "skills/versions/content.py", "Content", "A skill version as a zip."),
    R("fine_tuning.checkpoints", "fine_tuning/checkpoints/checkpoints.py", "Checkpoints",
      "Fine-tuned model checkpoints."),
    R("fine_tuning.checkpoints.permissions", "fine_tuning/checkpoints/permissions.py", "Permissions",
      "Which projects may use a fine-tuned checkpoint."),
    R("fine_tuning.alpha", "fine_tuning/alpha/alpha.py", "Alpha", "Fine-tuning features in alpha."),
    R("fine_tuning.alpha.graders", "fine_tuning/alpha/graders.py", "Graders",
      "Run and validate graders."),
    R("content_provenance_checks", "content_provenance_checks.py", "ContentProvenanceChecks",
      "Checks of a file's content provenance (C2PA) signals."),
    R("webhooks", "webhooks/webhooks.py", "Webhooks",
      "Webhook endpoints, and checking and parsing the events they receive.", helpers=("unwrap", "verify_signature")),
    R("webhooks.event_types", "webhooks/event_types.py", "EventTypes", "The event types an endpoint can receive."),
    R("safety", "safety/safety.py", "Safety", "Safety alerts and cases."),
    R("safety.alerts", "safety/alerts.py", "Alerts", "Safety alerts raised on requests."),
    R("safety.cases", "safety/cases.py", "Cases", "Safety cases opened on an entity."),
    R("decisions", "decisions.py", "Decisions", "Typed answers to questions about an input."),
    R("realtime.translations.client_secrets", "realtime/translations/client_secrets.py", "ClientSecrets",
      "Ephemeral keys for realtime translation sessions."),
    R("live", "live/live.py", "Live", "Live (WebRTC and SIP) sessions; ``connect()`` opens one over a WebSocket.",
      helpers=("connect",)),
    R("live.forks", "live/forks.py", "Forks", "A fork of a live session, over a WebSocket.", helpers=("connect",)),
    R("live.sideband", "live/sideband.py", "Sideband", "Attaching to a running live session, over a WebSocket.",
      helpers=("connect",)),
    R("live.sessions", "live/sessions.py", "Sessions", "Control of a live session: accept, fork, transfer, end."),
    R("audio.voices", "audio/voices.py", "Voices", "Custom voices."),
    R("audio.voice_consents", "audio/voice_consents.py", "VoiceConsents",
      "Recorded consents for custom voices."),
]

M = Method
CURSOR, CONVERSATION, PAGE, NEXT = "cursor", "conversation", "page", "next"
_VS = "/vector_stores/{vector_store_id}"
_VSF = "vector_stores.vector_store_file:VectorStoreFile"
_VSB = "vector_stores.vector_store_file_batch:VectorStoreFileBatch"
_CF = "/containers/{container_id}/files"
_RUN = "/evals/{eval_id}/runs/{run_id}"
_CKPT = "/fine_tuning/checkpoints/{fine_tuned_model_checkpoint}/permissions"
_PERM = "fine_tuning.checkpoints."
_WH = "/webhook_endpoints/{webhook_endpoint_id}"
_LIVE = "/live/sessions/{session_id}"

METHODS: list[Method] = [
    # -- vector_stores ---------------------------------------------------------------------------------
    M("vector_stores.create", "POST /vector_stores", "vector_store:VectorStore",
      "vector_store_create_params:VectorStoreCreateParams"),
    M("vector_stores.retrieve", f"GET {_VS}", "vector_store:VectorStore"),
    M("vector_stores.update", f"POST {_VS}", "vector_store:VectorStore",
      "vector_store_update_params:VectorStoreUpdateParams"),
    M("vector_stores.list", "GET /vector_stores", "vector_store:VectorStore",
      "vector_store_list_params:VectorStoreListParams", page=CURSOR),
    M("vector_stores.delete", f"DELETE {_VS}", "vector_store_deleted:VectorStoreDeleted"),
    M("vector_stores.search", f"POST {_VS}/search", "vector_store_search_response:VectorStoreSearchResponse",
      "vector_store_search_params:VectorStoreSearchParams", page=PAGE),
    M("vector_stores.files.create", f"POST {_VS}/files", _VSF, "vector_stores.file_create_params:FileCreateParams"),
    M("vector_stores.files.retrieve", f"GET {_VS}/files/{{file_id}}", _VSF),
    M("vector_stores.files.update", f"POST {_VS}/files/{{file_id}}", _VSF,
      "vector_stores.file_update_params:FileUpdateParams"),
    M("vector_stores.files.list", f"GET {_VS}/files", _VSF, "vector_stores.file_list_params:FileListParams",
      page=CURSOR),
    M("vector_stores.files.delete", f"DELETE {_VS}/files/{{file_id}}",
      "vector_stores.vector_store_file_deleted:VectorStoreFileDeleted"),
    M("vector_stores.files.content", f"GET {_VS}/files/{{file_id}}/content",
      "vector_stores.file_content_response:FileContentResponse", page=PAGE),
    M("vector_stores.file_batches.create", f"POST {_VS}/file_batches", _VSB,
      "vector_stores.file_batch_create_params:FileBatchCreateParams"),
    M("vector_stores.file_batches.retrieve", f"GET {_VS}/file_batches/{{batch_id}}", _VSB),
    M("vector_stores.file_batches.cancel", f"POST {_VS}/file_batches/{{batch_id}}/cancel", _VSB),
    M("vector_stores.file_batches.list_files", f"GET {_VS}/file_batches/{{batch_id}}/files", _VSF,
      "vector_stores.file_batch_list_files_params:FileBatchListFilesParams", page=CURSOR),
    # -- containers ------------------------------------------------------------------------------------
    M("containers.create", "POST /containers", "container_create_response:ContainerCreateResponse",
      "container_create_params:ContainerCreateParams"),
    M("containers.retrieve", "GET /containers/{container_id}",
      "container_retrieve_response:ContainerRetrieveResponse"),
    M("containers.list", "GET /containers", "container_list_response:ContainerListResponse",
      "container_list_params:ContainerListParams", page=CURSOR),
    M("containers.delete", "DELETE /containers/{container_id}", None),
    M("containers.files.create", f"POST {_CF}", "containers.file_create_response:FileCreateResponse",
      "containers.file_create_params:FileCreateParams", kind="upload-or-json", files=("file",)),
    M("containers.files.retrieve", f"GET {_CF}/{{file_id}}", "containers.file_retrieve_response:FileRetrieveResponse"),
    M("containers.files.list", f"GET {_CF}", "containers.file_list_response:FileListResponse",
      "containers.file_list_params:FileListParams", page=CURSOR),
    M("containers.files.delete", f"DELETE {_CF}/{{file_id}}", None),
    M("containers.files.content.retrieve", f"GET {_CF}/{{file_id}}/content", None, kind="binary"),
    # -- evals -----------------------------------------------------------------------------------------
    M("evals.create", "POST /evals", "eval_create_response:EvalCreateResponse", "eval_create_params:EvalCreateParams"),
    M("evals.retrieve", "GET /evals/{eval_id}", "eval_retrieve_response:EvalRetrieveResponse"),
    M("evals.update", "POST /evals/{eval_id}", "eval_update_response:EvalUpdateResponse",
      "eval_update_params:EvalUpdateParams"),
    M("evals.list", "GET /evals", "eval_list_response:EvalListResponse", "eval_list_params:EvalListParams",
      page=CURSOR),
    M("evals.delete", "DELETE /evals/{eval_id}", "eval_delete_response:EvalDeleteResponse"),
    M("evals.runs.create", "POST /evals/{eval_id}/runs", "evals.run_create_response:RunCreateResponse",
      "evals.run_create_params:RunCreateParams"),
    M("evals.runs.retrieve", f"GET {_RUN}", "evals.run_retrieve_response:RunRetrieveResponse"),
    M("evals.runs.list", "GET /evals/{eval_id}/runs", "evals.run_list_response:RunListResponse",
      "evals.run_list_params:RunListParams", page=CURSOR),
    M("evals.runs.delete", f"DELETE {_RUN}", "evals.run_delete_response:RunDeleteResponse"),
    # The official SDK posts to `/cancel`; the spec of 2026-08-21 names the run's own path.
    M("evals.runs.cancel", f"POST {_RUN}/cancel", "evals.run_cancel_response:RunCancelResponse",
      spec=f"POST {_RUN}"),
    M("evals.runs.output_items.retrieve", f"GET {_RUN}/output_items/{{output_item_id}}",
      "evals.runs.output_item_retrieve_response:OutputItemRetrieveResponse"),
    M("evals.runs.output_items.list", f"GET {_RUN}/output_items",
      "evals.runs.output_item_list_response:OutputItemListResponse",
      "evals.runs.output_item_list_params:OutputItemListParams", page=CURSOR),
    # -- videos ----------------------------------------------------------------------------------------
    M("videos.create", "POST /videos", "video:Video", "video_create_params:VideoCreateParams", kind="multipart",
      files=("input_reference",)),
    M("videos.retrieve", "GET /videos/{video_id}", "video:Video"),
    M("videos.list", "GET /videos", "video:Video", "video_list_params:VideoListParams", page=CONVERSATION),
    M("videos.delete", "DELETE /videos/{video_id}", "video_delete_response:VideoDeleteResponse"),
    M("videos.remix", "POST /videos/{video_id}/remix", "video:Video", "video_remix_params:VideoRemixParams"),
    M("videos.download_content", "GET /videos/{video_id}/content", None,
      "video_download_content_params:VideoDownloadContentParams", kind="binary"),
    M("videos.edit", "POST /videos/edits", "video:Video", "video_edit_params:VideoEditParams", kind="multipart",
      files=("video",)),
    M("videos.extend", "POST /videos/extensions", "video:Video", "video_extend_params:VideoExtendParams",
      kind="multipart", files=("video",)),
    M("videos.create_character", "POST /videos/characters",
      "video_create_character_response:VideoCreateCharacterResponse",
      "video_create_character_params:VideoCreateCharacterParams", kind="multipart", files=("video",)),
    M("videos.get_character", "GET /videos/characters/{character_id}",
      "video_get_character_response:VideoGetCharacterResponse"),
    # -- skills ----------------------------------------------------------------------------------------
    M("skills.create", "POST /skills", "skill:Skill", "skill_create_params:SkillCreateParams", kind="multipart",
      files=("files",)),
    M("skills.retrieve", "GET /skills/{skill_id}", "skill:Skill"),
    M("skills.update", "POST /skills/{skill_id}", "skill:Skill", "skill_update_params:SkillUpdateParams"),
    M("skills.list", "GET /skills", "skill:Skill", "skill_list_params:SkillListParams", page=CURSOR),
    M("skills.delete", "DELETE /skills/{skill_id}", "deleted_skill:DeletedSkill"),
    M("skills.content.retrieve", "GET /skills/{skill_id}/content", None, kind="binary"),
    M("skills.versions.create", "POST /skills/{skill_id}/versions", "skills.skill_version:SkillVersion",
      "skills.version_create_params:VersionCreateParams", kind="multipart", files=("files",)),
    M("skills.versions.retrieve", "GET /skills/{skill_id}/versions/{version}", "skills.skill_version:SkillVersion"),
    M("skills.versions.list", "GET /skills/{skill_id}/versions", "skills.skill_version:SkillVersion",
      "skills.version_list_params:VersionListParams", page=CURSOR),
    M("skills.versions.delete", "DELETE /skills/{skill_id}/versions/{version}",
      "skills.deleted_skill_version:DeletedSkillVersion"),
    M("skills.versions.content.retrieve", "GET /skills/{skill_id}/versions/{version}/content", None, kind="binary"),
    # -- fine_tuning -----------------------------------------------------------------------------------
    M("fine_tuning.checkpoints.permissions.create", f"POST {_CKPT}",
      _PERM + "permission_create_response:PermissionCreateResponse",
      _PERM + "permission_create_params:PermissionCreateParams", page=PAGE),
    M("fine_tuning.checkpoints.permissions.retrieve", f"GET {_CKPT}",
      _PERM + "permission_retrieve_response:PermissionRetrieveResponse",
      _PERM + "permission_retrieve_params:PermissionRetrieveParams",
      deprecated="Retrieve is deprecated. Please swap to the paginated list method instead."),
    M("fine_tuning.checkpoints.permissions.list", f"GET {_CKPT}",
      _PERM + "permission_list_response:PermissionListResponse",
      _PERM + "permission_list_params:PermissionListParams", page=CONVERSATION),
    M("fine_tuning.checkpoints.permissions.delete", f"DELETE {_CKPT}/{{permission_id}}",
      _PERM + "permission_delete_response:PermissionDeleteResponse"),
    M("fine_tuning.alpha.graders.run", "POST /fine_tuning/alpha/graders/run",
      "fine_tuning.alpha.grader_run_response:GraderRunResponse", "fine_tuning.alpha.grader_run_params:GraderRunParams"),
    M("fine_tuning.alpha.graders.validate", "POST /fine_tuning/alpha/graders/validate",
      "fine_tuning.alpha.grader_validate_response:GraderValidateResponse",
      "fine_tuning.alpha.grader_validate_params:GraderValidateParams"),
    M("content_provenance_checks.create", "POST /content_provenance_checks",
      "content_provenance_check:ContentProvenanceCheck",
      "content_provenance_check_create_params:ContentProvenanceCheckCreateParams", kind="multipart", files=("file",)),
    # -- on hand-written resources: the generator writes their types, the resource declares the call --------
    M("responses.compact", "POST /responses/compact", "responses.compacted_response:CompactedResponse",
      "responses.response_compact_params:ResponseCompactParams"),
    # -- webhooks, safety, decisions: not in the spec of 2026-08-21 (scripts/openapi_supplement.yaml) -------
    M("webhooks.create", "POST /webhook_endpoints", "webhooks.webhook_endpoint_with_secret:WebhookEndpointWithSecret",
      "webhooks.webhook_create_params:WebhookCreateParams"),
    M("webhooks.retrieve", f"GET {_WH}", "webhooks.webhook_endpoint:WebhookEndpoint"),
    M("webhooks.update", f"POST {_WH}", "webhooks.webhook_endpoint:WebhookEndpoint",
      "webhooks.webhook_update_params:WebhookUpdateParams"),
    M("webhooks.list", "GET /webhook_endpoints", "webhooks.webhook_endpoint:WebhookEndpoint",
      "webhooks.webhook_list_params:WebhookListParams", page=CURSOR),
    M("webhooks.delete", f"DELETE {_WH}", "webhooks.deleted_webhook_endpoint:DeletedWebhookEndpoint"),
    M("webhooks.rotate_secret", f"POST {_WH}/rotate_secret",
      "webhooks.webhook_endpoint_with_secret:WebhookEndpointWithSecret",
      "webhooks.webhook_rotate_secret_params:WebhookRotateSecretParams"),
    M("webhooks.test", f"POST {_WH}/test", "webhooks.webhook_endpoint_test_result:WebhookEndpointTestResult",
      "webhooks.webhook_test_params:WebhookTestParams"),
    M("webhooks.event_types.list", "GET /webhook_event_types", "webhooks.webhook_event_type_list:WebhookEventTypeList"),
    M("safety.alerts.retrieve", "GET /safety/alerts/{id}", "safety.safety_alert:SafetyAlert"),
    M("safety.cases.retrieve", "GET /safety/cases/{id}", "safety.safety_case:SafetyCase"),
    M("decisions.create", "POST /decisions", "decision:Decision", "decision_create_params:DecisionCreateParams"),
    M("realtime.translations.client_secrets.create", "POST /realtime/translations/client_secrets",
      "realtime.realtime_translation_client_secret_create_response:RealtimeTranslationClientSecretCreateResponse",
      "realtime.translations.client_secret_create_params:ClientSecretCreateParams"),
    M("live.create", "POST /live/sessions", "live.live_create_response:LiveCreateResponse",
      "live.live_create_params:LiveCreateParams"),
    M("live.sessions.accept", f"POST {_LIVE}/accept", None, "live.session_accept_params:SessionAcceptParams"),
    M("live.sessions.download_recording", f"GET {_LIVE}/content", None, kind="binary"),
    M("live.sessions.fork", f"POST {_LIVE}/fork", "live.session_fork_response:SessionForkResponse",
      "live.session_fork_params:SessionForkParams"),
    M("live.sessions.hangup", f"POST {_LIVE}/hangup", None),
    M("live.sessions.refer", f"POST {_LIVE}/refer", None, "live.session_refer_params:SessionReferParams"),
    M("live.sessions.reject", f"POST {_LIVE}/reject", None, "live.session_reject_params:SessionRejectParams"),
    # -- audio -----------------------------------------------------------------------------------------
    M("audio.voices.create", "POST /audio/voices", "audio.voice:Voice", "audio.voice_create_params:VoiceCreateParams",
      kind="multipart", files=("audio_sample",)),
    M("audio.voices.delete", "DELETE /audio/voices/{voice_id}", "audio.voice_deleted:VoiceDeleted"),
    M("audio.voice_consents.create", "POST /audio/voice_consents", "audio.voice_consent:VoiceConsent",
      "audio.voice_consent_create_params:VoiceConsentCreateParams", kind="multipart", files=("recording",)),
    M("audio.voice_consents.retrieve", "GET /audio/voice_consents/{consent_id}", "audio.voice_consent:VoiceConsent"),
    M("audio.voice_consents.update", "POST /audio/voice_consents/{consent_id}", "audio.voice_consent:VoiceConsent",
      "audio.voice_consent_update_params:VoiceConsentUpdateParams"),
    M("audio.voice_consents.list", "GET /audio/voice_consents", "audio.voice_consent:VoiceConsent",
      "audio.voice_consent_list_params:VoiceConsentListParams", page=CURSOR),
    M("audio.voice_consents.delete", "DELETE /audio/voice_consents/{consent_id}",
      "audio.voice_consent_deleted:VoiceConsentDeleted"),
]

# Spec schemas with a type of their own in the official SDK (its shared and named types), for the response
# models; a schema not listed is written inline in each module that uses it, named after the property (the
# official SDK's convention: ``VectorStore.file_counts`` is ``FileCounts``). "!" marks a hand-written type.
MODEL_REFS: dict[str, str] = {
    "Metadata": "!shared.metadata:Metadata",
    "ItemField": "!responses.response_output_item:ResponseOutputItem",
    "ResponseUsage": "!responses.response_usage:ResponseUsage",
    "Tool": "!responses.tool:Tool",
    "RealtimeServerEventError": "!realtime.realtime_error_event:RealtimeErrorEvent",
    "GraderLabelModel": "graders.label_model_grader:LabelModelGrader",
    "GraderStringCheck": "graders.string_check_grader:StringCheckGrader",
    "GraderTextSimilarity": "graders.text_similarity_grader:TextSimilarityGrader",
    "GraderPython": "graders.python_grader:PythonGrader",
    "GraderScoreModel": "graders.score_model_grader:ScoreModelGrader",
    "GraderMulti": "graders.multi_grader:MultiGrader",
}

# The same for request parameters (the official SDK's ``*_param`` TypedDicts).
PARAM_REFS: dict[str, str] = {
    "Metadata": "!shared_params.metadata:Metadata",
    "InputItem": "!responses.response_input_item_param:ResponseInputItemParam",
    "GraderLabelModel": "graders.label_model_grader_param:LabelModelGraderParam",
    "GraderStringCheck": "graders.string_check_grader_param:StringCheckGraderParam",
    "GraderTextSimilarity": "graders.text_similarity_grader_param:TextSimilarityGraderParam",
    "GraderPython": "graders.python_grader_param:PythonGraderParam",
    "GraderScoreModel": "graders.score_model_grader_param:ScoreModelGraderParam",
    "GraderMulti": "graders.multi_grader_param:MultiGraderParam",
}


def _event_type(schema: str) -> str:
    """``WebhookBatchCompleted`` -> ``webhooks.batch_completed_webhook_event:BatchCompletedWebhookEvent``."""
    stem = schema.removeprefix("Webhook")
    snake = re.sub(r"(?<!^)(?=[A-Z])", "_", stem).lower()
    return f"webhooks.{snake}_webhook_event:{stem}WebhookEvent"


WEBHOOK_EVENTS = [
    "WebhookBatchCancelled", "WebhookBatchCompleted", "WebhookBatchExpired", "WebhookBatchFailed",
    "WebhookEvalRunCanceled", "WebhookEvalRunFailed", "WebhookEvalRunSucceeded", "WebhookFineTuningJobCancelled",
    "WebhookFineTuningJobFailed", "WebhookFineTuningJobSucceeded", "WebhookLiveCallIncoming",
    "WebhookRealtimeCallIncoming", "WebhookResponseCancelled", "WebhookResponseCompleted", "WebhookResponseFailed",
    "WebhookResponseIncomplete",
]
MODEL_REFS.update({name: _event_type(name) for name in WEBHOOK_EVENTS})

# Types generated although no method returns them (the webhook events ``unwrap`` parses).
TYPES: dict[str, str] = {
    "UnwrapWebhookEvent": "webhooks.unwrap_webhook_event:UnwrapWebhookEvent",
    "RealtimeTranslationServerEvent": "realtime.realtime_translation_server_event:RealtimeTranslationServerEvent",
    **{name: _event_type(name) for name in WEBHOOK_EVENTS},
}

# ``client.beta``: a module of its own, written from the official SDK's beta resources by
# scripts/derive_beta_table.py (imported last: it builds on the classes above).
from api_table_beta import BETA_METHODS, BETA_RESOURCES  # noqa: E402

RESOURCES += BETA_RESOURCES
METHODS += BETA_METHODS

# The organization admin API (``client.admin.organization.*``) has a module of its own, derived from the
# official SDK's sources (``scripts/derive_admin_table.py``); it joins the one table here.
from api_table_admin import ADMIN_METHODS, ADMIN_RESOURCES  # noqa: E402

RESOURCES += ADMIN_RESOURCES
METHODS += ADMIN_METHODS
