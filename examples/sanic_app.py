"""Sanic app with a module-level AsyncOpenAI client, closed before the server stops.

    OPENAI_API_KEY=... OPENAI_BASE_URL=... sanic examples.sanic_app:app
(OPENAI_CORE_TRANSPORT=aiohttp picks the aiohttp backend.)
"""

from __future__ import annotations

from sanic import Request, Sanic
from sanic.response import HTTPResponse, json

from openai_core import AsyncOpenAI

client = AsyncOpenAI()  # at import time, in every worker process
app = Sanic("openai_core_example")


@app.post("/chat")
async def chat(request: Request) -> HTTPResponse:
    response = await client.chat.completions.create(
        model="gpt-4o-mini", messages=[{"role": "user", "content": request.json["message"]}]
    )
    return json({"reply": response.choices[0].message.content})


@app.post("/chat/stream")
async def chat_stream(request: Request) -> None:
    stream = await client.chat.completions.create(
        model="gpt-4o-mini", messages=[{"role": "user", "content": request.json["message"]}], stream=True
    )
    response = await request.respond(content_type="text/plain")
    async with stream:  # a browser that goes away ends this handler: the upstream closes too
        async for chunk in stream:
            if chunk.choices and chunk.choices[0].delta.content:
                await response.send(chunk.choices[0].delta.content)
    await response.eof()


@app.listener("before_server_stop")
async def close_client(app: Sanic) -> None:
    await client.close()
    print("openai client closed", flush=True)
