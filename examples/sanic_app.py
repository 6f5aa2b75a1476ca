"""Sanic app with one module-level AsyncOpenAI client per process, closed before the server stops.

    OPENAI_API_KEY=... OPENAI_BASE_URL=... sanic examples.sanic_app:app --workers 4

OPENAI_CORE_TRANSPORT=aiohttp picks the aiohttp backend. Sanic starts every worker as a fresh process
that imports this module, so each worker has its own client (and its own connections).
"""

from __future__ import annotations

from sanic import Request, Sanic
from sanic.response import HTTPResponse, ResponseStream, json

from openai_core import AsyncOpenAI

# At import time, before any event loop exists: the aiohttp backend opens its session on the first
# request, inside the worker's loop.
client = AsyncOpenAI()
app = Sanic("openai_core_example")


def ask(request: Request) -> tuple[str, str]:
    return request.json.get("model", "gpt-4o-mini"), request.json["message"]


@app.post("/chat")
async def chat(request: Request) -> HTTPResponse:
    model, message = ask(request)
    response = await client.chat.completions.create(model=model, messages=[{"role": "user", "content": message}])
    return json({"reply": response.choices[0].message.content})


@app.post("/chat/stream")
async def chat_stream(request: Request) -> ResponseStream:
    model, message = ask(request)

    async def relay(response: ResponseStream) -> None:
        # Opened inside the streaming function: Sanic runs it after the handler returned, so a stream
        # opened in the handler would stay open if the browser left in between. A browser that goes
        # away mid-stream cancels this function, and `async with` closes the upstream stream.
        stream = await client.chat.completions.create(
            model=model, messages=[{"role": "user", "content": message}], stream=True
        )
        async with stream:
            async for chunk in stream:
                if chunk.choices and chunk.choices[0].delta.content:
                    await response.write(chunk.choices[0].delta.content)

    return ResponseStream(relay, content_type="text/plain")


@app.post("/chat/respond")
async def chat_respond(request: Request) -> None:
    # Sanic's own streaming API: the handler writes the response itself, so the upstream stream is
    # opened first (an upstream error is still an HTTP error) and the `async with` covers the rest.
    model, message = ask(request)
    stream = await client.chat.completions.create(
        model=model, messages=[{"role": "user", "content": message}], stream=True
    )
    async with stream:
        response = await request.respond(content_type="text/plain")
        async for chunk in stream:
            if chunk.choices and chunk.choices[0].delta.content:
                await response.send(chunk.choices[0].delta.content)
    await response.eof()


@app.listener("before_server_stop")
async def close_client(app: Sanic) -> None:
    await client.close()
