"""Typed API objects: pydantic response models and the TypedDicts of request parameters, at the same
import paths as in the official ``openai`` SDK (``openai_core.types.chat.ChatCompletion`` ...).

Subpackages (``audio``, ``chat``, ``fine_tuning``, ``shared``, ``shared_params``) load on first import or
first attribute access (``openai_core.types.chat``).

Every name here loads on first use (PEP 562): ``from openai_core.types import Batch`` imports the
``batch`` module alone, and importing ``openai_core.types.chat`` (what a chat call needs) does not import
every top-level module with it. Type checkers read the imports under ``TYPE_CHECKING``."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

# {name: the module of this package that defines it}
_EXPORTS: dict[str, str] = {}

if TYPE_CHECKING:
    from .audio_model import AudioModel as AudioModel
    from .audio_response_format import AudioResponseFormat as AudioResponseFormat
    from .batch import Batch as Batch
    from .batch_create_params import BatchCreateParams as BatchCreateParams
    from .batch_error import BatchError as BatchError
    from .batch_list_params import BatchListParams as BatchListParams
    from .batch_request_counts import BatchRequestCounts as BatchRequestCounts
    from .batch_usage import BatchUsage as BatchUsage
    from .chat_model import ChatModel as ChatModel
    from .completion import Completion as Completion
    from .completion_choice import CompletionChoice as CompletionChoice
    from .completion_create_params import CompletionCreateParams as CompletionCreateParams
    from .completion_usage import CompletionUsage as CompletionUsage
    from .create_embedding_response import CreateEmbeddingResponse as CreateEmbeddingResponse
    from .embedding import Embedding as Embedding
    from .embedding_create_params import EmbeddingCreateParams as EmbeddingCreateParams
    from .embedding_model import EmbeddingModel as EmbeddingModel
    from .file_content import FileContent as FileContent
    from .file_create_params import FileCreateParams as FileCreateParams
    from .file_deleted import FileDeleted as FileDeleted
    from .file_list_params import FileListParams as FileListParams
    from .file_object import FileObject as FileObject
    from .file_purpose import FilePurpose as FilePurpose
    from .image import Image as Image
    from .image_create_variation_params import ImageCreateVariationParams as ImageCreateVariationParams
    from .image_edit_completed_event import ImageEditCompletedEvent as ImageEditCompletedEvent
    from .image_edit_params import ImageEditParams as ImageEditParams
    from .image_edit_partial_image_event import ImageEditPartialImageEvent as ImageEditPartialImageEvent
    from .image_edit_stream_event import ImageEditStreamEvent as ImageEditStreamEvent
    from .image_gen_completed_event import ImageGenCompletedEvent as ImageGenCompletedEvent
    from .image_gen_partial_image_event import ImageGenPartialImageEvent as ImageGenPartialImageEvent
    from .image_gen_stream_event import ImageGenStreamEvent as ImageGenStreamEvent
    from .image_generate_params import ImageGenerateParams as ImageGenerateParams
    from .image_model import ImageModel as ImageModel
    from .images_response import ImagesResponse as ImagesResponse
    from .model import Model as Model
    from .model_deleted import ModelDeleted as ModelDeleted
    from .moderation import Moderation as Moderation
    from .moderation_create_params import ModerationCreateParams as ModerationCreateParams
    from .moderation_create_response import ModerationCreateResponse as ModerationCreateResponse
    from .moderation_image_url_input_param import ModerationImageURLInputParam as ModerationImageURLInputParam
    from .moderation_model import ModerationModel as ModerationModel
    from .moderation_multi_modal_input_param import (
        ModerationMultiModalInputParam as ModerationMultiModalInputParam,
    )
    from .moderation_text_input_param import ModerationTextInputParam as ModerationTextInputParam
    from .shared import FunctionDefinition as FunctionDefinition
    from .shared import FunctionParameters as FunctionParameters
    from .shared import Metadata as Metadata
    from .shared import ReasoningEffort as ReasoningEffort
    from .shared import ResponseFormatJSONObject as ResponseFormatJSONObject
    from .shared import ResponseFormatJSONSchema as ResponseFormatJSONSchema
    from .shared import ResponseFormatText as ResponseFormatText
    from .upload import Upload as Upload
    from .upload_complete_params import UploadCompleteParams as UploadCompleteParams
    from .upload_create_params import UploadCreateParams as UploadCreateParams

_EXPORTS.update({
    "AudioModel": "audio_model",
    "AudioResponseFormat": "audio_response_format",
    "Batch": "batch",
    "BatchCreateParams": "batch_create_params",
    "BatchError": "batch_error",
    "BatchListParams": "batch_list_params",
    "BatchRequestCounts": "batch_request_counts",
    "BatchUsage": "batch_usage",
    "ChatModel": "chat_model",
    "Completion": "completion",
    "CompletionChoice": "completion_choice",
    "CompletionCreateParams": "completion_create_params",
    "CompletionUsage": "completion_usage",
    "CreateEmbeddingResponse": "create_embedding_response",
    "Embedding": "embedding",
    "EmbeddingCreateParams": "embedding_create_params",
    "EmbeddingModel": "embedding_model",
    "FileContent": "file_content",
    "FileCreateParams": "file_create_params",
    "FileDeleted": "file_deleted",
    "FileListParams": "file_list_params",
    "FileObject": "file_object",
    "FilePurpose": "file_purpose",
    "Image": "image",
    "ImageCreateVariationParams": "image_create_variation_params",
    "ImageEditCompletedEvent": "image_edit_completed_event",
    "ImageEditParams": "image_edit_params",
    "ImageEditPartialImageEvent": "image_edit_partial_image_event",
    "ImageEditStreamEvent": "image_edit_stream_event",
    "ImageGenCompletedEvent": "image_gen_completed_event",
    "ImageGenPartialImageEvent": "image_gen_partial_image_event",
    "ImageGenStreamEvent": "image_gen_stream_event",
    "ImageGenerateParams": "image_generate_params",
    "ImageModel": "image_model",
    "ImagesResponse": "images_response",
    "Model": "model",
    "ModelDeleted": "model_deleted",
    "Moderation": "moderation",
    "ModerationCreateParams": "moderation_create_params",
    "ModerationCreateResponse": "moderation_create_response",
    "ModerationImageURLInputParam": "moderation_image_url_input_param",
    "ModerationModel": "moderation_model",
    "ModerationMultiModalInputParam": "moderation_multi_modal_input_param",
    "ModerationTextInputParam": "moderation_text_input_param",
    "FunctionDefinition": "shared",
    "FunctionParameters": "shared",
    "Metadata": "shared",
    "ReasoningEffort": "shared",
    "ResponseFormatJSONObject": "shared",
    "ResponseFormatJSONSchema": "shared",
    "ResponseFormatText": "shared",
    "Upload": "upload",
    "UploadCompleteParams": "upload_complete_params",
    "UploadCreateParams": "upload_create_params",
})

# isort: split
# -- generated exports (scripts/generate.py): begin
if TYPE_CHECKING:
    from .container_create_params import ContainerCreateParams as ContainerCreateParams
    from .container_create_response import ContainerCreateResponse as ContainerCreateResponse
    from .container_list_params import ContainerListParams as ContainerListParams
    from .container_list_response import ContainerListResponse as ContainerListResponse
    from .container_retrieve_response import ContainerRetrieveResponse as ContainerRetrieveResponse
    from .content_provenance_check import ContentProvenanceCheck as ContentProvenanceCheck
    from .content_provenance_check_create_params import (
        ContentProvenanceCheckCreateParams as ContentProvenanceCheckCreateParams,
    )
    from .decision import Decision as Decision
    from .decision_create_params import DecisionCreateParams as DecisionCreateParams
    from .deleted_skill import DeletedSkill as DeletedSkill
    from .eval_create_params import EvalCreateParams as EvalCreateParams
    from .eval_create_response import EvalCreateResponse as EvalCreateResponse
    from .eval_custom_data_source_config import EvalCustomDataSourceConfig as EvalCustomDataSourceConfig
    from .eval_delete_response import EvalDeleteResponse as EvalDeleteResponse
    from .eval_list_params import EvalListParams as EvalListParams
    from .eval_list_response import EvalListResponse as EvalListResponse
    from .eval_retrieve_response import EvalRetrieveResponse as EvalRetrieveResponse
    from .eval_stored_completions_data_source_config import (
        EvalStoredCompletionsDataSourceConfig as EvalStoredCompletionsDataSourceConfig,
    )
    from .eval_update_params import EvalUpdateParams as EvalUpdateParams
    from .eval_update_response import EvalUpdateResponse as EvalUpdateResponse
    from .other_file_chunking_strategy_object import (
        OtherFileChunkingStrategyObject as OtherFileChunkingStrategyObject,
    )
    from .skill import Skill as Skill
    from .skill_create_params import SkillCreateParams as SkillCreateParams
    from .skill_list_params import SkillListParams as SkillListParams
    from .skill_update_params import SkillUpdateParams as SkillUpdateParams
    from .static_file_chunking_strategy import StaticFileChunkingStrategy as StaticFileChunkingStrategy
    from .static_file_chunking_strategy_object import (
        StaticFileChunkingStrategyObject as StaticFileChunkingStrategyObject,
    )
    from .vector_store import VectorStore as VectorStore
    from .vector_store_create_params import VectorStoreCreateParams as VectorStoreCreateParams
    from .vector_store_deleted import VectorStoreDeleted as VectorStoreDeleted
    from .vector_store_list_params import VectorStoreListParams as VectorStoreListParams
    from .vector_store_search_params import VectorStoreSearchParams as VectorStoreSearchParams
    from .vector_store_search_response import VectorStoreSearchResponse as VectorStoreSearchResponse
    from .vector_store_update_params import VectorStoreUpdateParams as VectorStoreUpdateParams
    from .video import Video as Video
    from .video_create_character_params import VideoCreateCharacterParams as VideoCreateCharacterParams
    from .video_create_character_response import VideoCreateCharacterResponse as VideoCreateCharacterResponse
    from .video_create_error import VideoCreateError as VideoCreateError
    from .video_create_params import VideoCreateParams as VideoCreateParams
    from .video_delete_response import VideoDeleteResponse as VideoDeleteResponse
    from .video_download_content_params import VideoDownloadContentParams as VideoDownloadContentParams
    from .video_edit_params import VideoEditParams as VideoEditParams
    from .video_extend_params import VideoExtendParams as VideoExtendParams
    from .video_get_character_response import VideoGetCharacterResponse as VideoGetCharacterResponse
    from .video_list_params import VideoListParams as VideoListParams
    from .video_remix_params import VideoRemixParams as VideoRemixParams

_EXPORTS.update({
    "ContainerCreateParams": "container_create_params",
    "ContainerCreateResponse": "container_create_response",
    "ContainerListParams": "container_list_params",
    "ContainerListResponse": "container_list_response",
    "ContainerRetrieveResponse": "container_retrieve_response",
    "ContentProvenanceCheck": "content_provenance_check",
    "ContentProvenanceCheckCreateParams": "content_provenance_check_create_params",
    "Decision": "decision",
    "DecisionCreateParams": "decision_create_params",
    "DeletedSkill": "deleted_skill",
    "EvalCreateParams": "eval_create_params",
    "EvalCreateResponse": "eval_create_response",
    "EvalCustomDataSourceConfig": "eval_custom_data_source_config",
    "EvalDeleteResponse": "eval_delete_response",
    "EvalListParams": "eval_list_params",
    "EvalListResponse": "eval_list_response",
    "EvalRetrieveResponse": "eval_retrieve_response",
    "EvalStoredCompletionsDataSourceConfig": "eval_stored_completions_data_source_config",
    "EvalUpdateParams": "eval_update_params",
    "EvalUpdateResponse": "eval_update_response",
    "OtherFileChunkingStrategyObject": "other_file_chunking_strategy_object",
    "Skill": "skill",
    "SkillCreateParams": "skill_create_params",
    "SkillListParams": "skill_list_params",
    "SkillUpdateParams": "skill_update_params",
    "StaticFileChunkingStrategy": "static_file_chunking_strategy",
    "StaticFileChunkingStrategyObject": "static_file_chunking_strategy_object",
    "VectorStore": "vector_store",
    "VectorStoreCreateParams": "vector_store_create_params",
    "VectorStoreDeleted": "vector_store_deleted",
    "VectorStoreListParams": "vector_store_list_params",
    "VectorStoreSearchParams": "vector_store_search_params",
    "VectorStoreSearchResponse": "vector_store_search_response",
    "VectorStoreUpdateParams": "vector_store_update_params",
    "Video": "video",
    "VideoCreateCharacterParams": "video_create_character_params",
    "VideoCreateCharacterResponse": "video_create_character_response",
    "VideoCreateError": "video_create_error",
    "VideoCreateParams": "video_create_params",
    "VideoDeleteResponse": "video_delete_response",
    "VideoDownloadContentParams": "video_download_content_params",
    "VideoEditParams": "video_edit_params",
    "VideoExtendParams": "video_extend_params",
    "VideoGetCharacterResponse": "video_get_character_response",
    "VideoListParams": "video_list_params",
    "VideoRemixParams": "video_remix_params",
})
# -- generated exports (scripts/generate.py): end


if not TYPE_CHECKING:  # a module __getattr__ seen by type checkers would make every typo an Any

    def __getattr__(name: str) -> object:
        module = _EXPORTS.get(name)
        if module is None:
            if name.startswith("_"):
                raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
            try:  # a submodule or subpackage (`openai_core.types.chat`), as after an eager import
                return importlib.import_module(f"{__name__}.{name}")
            except ModuleNotFoundError as exc:
                if exc.name != f"{__name__}.{name}":
                    raise
                raise AttributeError(f"module {__name__!r} has no attribute {name!r}") from None
        value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
        globals()[name] = value
        return value

    def __dir__() -> list[str]:
        return sorted(set(globals()) | _EXPORTS.keys())
