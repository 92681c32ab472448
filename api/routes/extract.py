"""Draft a dossier from an article's text: nothing is written; the draft comes back."""

from __future__ import annotations

import datetime as dt
import json
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse
from pydantic import BaseModel, ConfigDict, Field, ValidationError
from starlette.concurrency import run_in_threadpool

from api.errors import ErrorResponse
from extraction import MAX_ARTICLE_CHARS
from graph.errors import InvalidInput
from loaders.dossier import Dossier

router = APIRouter(tags=["extract"])

Lang = Literal["auto", "fr", "en", "it", "es", "de", "pt"]
MAX_BODY_BYTES = MAX_ARTICLE_CHARS * 4 + 4096  # UTF-8 text, plus the JSON around it


class ExtractRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")
    text: Annotated[str, Field(min_length=1, max_length=MAX_ARTICLE_CHARS)]
    url: Annotated[str, Field(pattern=r"^https?://\S+$", max_length=2000)] | None = None
    published: dt.date | None = None
    lang: Lang = "auto"
    publisher: Annotated[str, Field(max_length=200)] | None = None


class ExtractResponse(BaseModel):
    model_config = ConfigDict(extra="forbid")
    dossier: dict[str, Any] = Field(
        description="the draft dossier (reviewed: false), every fact with its spans"
    )
    yaml: str = Field(description="the same draft as a dossier file, ready to review and load")


# The body both routes read: the article's text, or JSON with its metadata.
ARTICLE_BODY: dict[str, Any] = {
    "requestBody": {
        "required": True,
        "content": {
            "text/plain": {"schema": {"type": "string"}},
            "application/json": {"schema": ExtractRequest.model_json_schema()},
        },
    }
}


class TooLarge(InvalidInput):
    status_code = 413
    code = "too_large"


@router.post(
    "/extract",
    response_model=ExtractResponse,
    responses={413: {"model": ErrorResponse}, 422: {"model": ErrorResponse}},
    summary="Draft a dossier from a news article (French or English)",
    openapi_extra=ARTICLE_BODY,
)
async def post_extract(
    request: Request,
    url: Annotated[str | None, Query(max_length=2000, pattern=r"^https?://\S+$")] = None,
    published: Annotated[dt.date | None, Query(description="YYYY-MM-DD: resolves 'le 25 août'")] = None,
    lang: Lang = "auto",
    publisher: Annotated[str | None, Query(max_length=200)] = None,
) -> dict[str, Any]:
    """The body is the article's plain text (`text/plain`; metadata in the query), or JSON
    `{text, url, published, lang}`. The answer is a draft with `reviewed: false`: every
    entity, claim and event cites the character span it was read from, and carries a
    confidence (and notes) where it is uncertain. Upload it to `/dossiers` once reviewed."""
    dossier, _ = await _drafted(request, url, published, lang, publisher)
    from extraction.article import draft_yaml

    return {
        "dossier": dossier.model_dump(mode="json", by_alias=True, exclude_none=True),
        "yaml": draft_yaml(dossier),
    }


@router.post(
    "/extract/review",
    response_class=HTMLResponse,
    responses={
        200: {"content": {"text/html": {}}},
        413: {"model": ErrorResponse},
        422: {"model": ErrorResponse},
    },
    summary="The review page of a draft: the article with every drafted fact marked",
    openapi_extra=ARTICLE_BODY,
)
async def post_extract_review(
    request: Request,
    url: Annotated[str | None, Query(max_length=2000, pattern=r"^https?://\S+$")] = None,
    published: Annotated[dt.date | None, Query(description="YYYY-MM-DD: resolves 'le 25 août'")] = None,
    lang: Lang = "auto",
    publisher: Annotated[str | None, Query(max_length=200)] = None,
) -> HTMLResponse:
    """The same request as POST /extract; the answer is one self-contained HTML page (no
    script): the article with the spans of every drafted fact marked, and the facts beside
    it by kind with their confidence and notes, each linking to its words in the text."""
    from extraction.review_page import review_page

    dossier, text = await _drafted(request, url, published, lang, publisher)
    return HTMLResponse(await run_in_threadpool(review_page, dossier, text))


async def _drafted(
    request: Request, url: str | None, published: dt.date | None, lang: str, publisher: str | None
) -> tuple[Dossier, str]:
    """The draft dossier of the request's article, and the article's text."""
    body = await _body(request)
    if request.headers.get("content-type", "").split(";")[0].strip() == "application/json":
        try:
            payload = ExtractRequest.model_validate(json.loads(body))
        except (ValueError, ValidationError) as exc:
            field = _field(exc)
            raise InvalidInput(
                f"the JSON body is not an extract request: {_message(exc)}", field=field
            ) from None
    else:
        try:
            text = body.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise InvalidInput("the body is not UTF-8 text", field="body") from None
        payload = ExtractRequest.model_construct(
            text=text, url=url, published=published, lang=lang, publisher=publisher
        )
    # Imported by the first draft: a server that never drafts does not hold the extractor.
    from extraction.article import draft_dossier
    from extraction.draft import ArticleMeta

    meta = ArticleMeta(
        url=payload.url,
        published=payload.published,
        publisher=payload.publisher,
        document=None if payload.url else "article text sent to POST /extract",
    )
    dossier = await run_in_threadpool(draft_dossier, payload.text, meta, payload.lang)
    return dossier, payload.text


async def _body(request: Request) -> bytes:
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > MAX_BODY_BYTES:
        raise TooLarge(f"the article is over the {MAX_BODY_BYTES}-byte limit")
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > MAX_BODY_BYTES:
            raise TooLarge(f"the article is over the {MAX_BODY_BYTES}-byte limit")
    if not body.strip():
        raise InvalidInput("the request body is empty: send the article's text", field="body")
    return bytes(body)


def _field(exc: Exception) -> str:
    if isinstance(exc, ValidationError) and exc.errors():
        return ".".join(str(p) for p in exc.errors()[0]["loc"]) or "body"
    return "body"


def _message(exc: Exception) -> str:
    if isinstance(exc, ValidationError) and exc.errors():
        err = exc.errors()[0]
        return f"{'.'.join(str(p) for p in err['loc'])}: {err['msg']}"
    return str(exc)
