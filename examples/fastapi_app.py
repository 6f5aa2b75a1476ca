"""FastAPI app with a module-level AsyncOpenAI client, closed on shutdown.

    OPENAI_API_KEY=... OPENAI_BASE_URL=... uvicorn examples.fastapi_app:app
(OPENAI_CORE_TRANSPORT=aiohttp picks the aiohttp backend.)
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi.responses import StreamingResponse
from pydantic import BaseModel

from openai_core import AsyncOpenAI

client = AsyncOpenAI()  # at import time, before any event loop exists


@asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[None]:
    yield
    await client.close()
    print("openai client closed", flush=True)


app = FastAPI(lifespan=lifespan)


class Chat(BaseModel):
    message: str


@app.post("/chat")
async def chat(body: Chat) -> dict[str, str | None]:
    response = await client.chat.completions.create(
        model="gpt-4o-mini", messages=[{"role": "user", "content": body.message}]
    )
    return {"reply": response.choices[0].message.content}


@app.post("/chat/stream")
async def chat_stream(body: Chat) -> StreamingResponse:
    stream = await client.chat.completions.create(
        model="gpt-4o-mini", messages=[{"role": "user", "content": body.message}], stream=True
    )

    async def relay() -> AsyncIterator[str]:
        async with stream:  # a browser that goes away cancels this generator: the upstream closes too
            async for chunk in stream:
                if chunk.choices and chunk.choices[0].delta.content:
                    yield chunk.choices[0].delta.content

    return StreamingResponse(relay(), media_type="text/plain")
