"""FastAPI app with one module-level AsyncOpenAI client per process, closed on shutdown.

    OPENAI_API_KEY=... OPENAI_BASE_URL=... uvicorn examples.fastapi_app:app --workers 2
    OPENAI_API_KEY=... uvicorn examples.fastapi_app:app_on_event     # the on_event("shutdown") form

OPENAI_CORE_TRANSPORT=aiohttp picks the aiohttp backend. Each uvicorn worker is its own process that
imports this module, so each has its own client (and its own connections): nothing is shared across
workers.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import APIRouter, FastAPI
from fastapi.responses import StreamingResponse
from pydantic import BaseModel
from starlette.background import BackgroundTask

from openai_core import AsyncOpenAI

# At import time, before any event loop exists: the aiohttp backend opens its session on the first
# request, inside uvicorn's loop.
client = AsyncOpenAI()
router = APIRouter()


class Chat(BaseModel):
    message: str
    model: str = "gpt-4o-mini"


@router.post("/chat")
async def chat(body: Chat) -> dict[str, str | None]:
    response = await client.chat.completions.create(
        model=body.model, messages=[{"role": "user", "content": body.message}]
    )
    return {"reply": response.choices[0].message.content}


@router.post("/chat/stream")
async def chat_stream(body: Chat) -> StreamingResponse:
    # Opened before the response starts, so an upstream error is an HTTP error, not a cut-off 200.
    stream = await client.chat.completions.create(
        model=body.model, messages=[{"role": "user", "content": body.message}], stream=True
    )

    async def relay() -> AsyncIterator[str]:
        async with stream:  # a browser that goes away cancels this generator: the upstream closes too
            async for chunk in stream:
                if chunk.choices and chunk.choices[0].delta.content:
                    yield chunk.choices[0].delta.content

    # The background task closes the stream if the browser left before relay() even started (then the
    # generator never runs, and neither does its `async with`); after relay() it does nothing.
    return StreamingResponse(relay(), media_type="text/plain", background=BackgroundTask(stream.close))


# The lifespan form (FastAPI's recommended one).
@asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[None]:
    yield
    await client.close()


app = FastAPI(lifespan=lifespan)
app.include_router(router)

# The shutdown-event form, still common in existing apps (FastAPI marks on_event deprecated).
app_on_event = FastAPI()
app_on_event.include_router(router)


@app_on_event.on_event("shutdown")
async def close_client() -> None:
    await client.close()
