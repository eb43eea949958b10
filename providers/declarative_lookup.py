"""find_task for providers declared in files: find a task at the vendor after a crash, so a paid create
is never sent twice (CONTRACT-PAID.md §2).

Two ways, as the file says: by our ``client_ref`` where the vendor stores one (Kling's
``external_task_id``), or through the vendor's task list, matching the model, a creation
time at or after the submission (less two minutes of clock skew) and the prompt.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from providers import errors as E
from providers import provider_templates as T
from providers.base import CancelToken, GenerationRequest, TaskHandle
from providers.declarative import DeclarativeProvider, _as_list
from providers.errors import ProviderError


class DeclarativeLookupProvider(DeclarativeProvider):
    """A file-declared provider whose vendor can find a task by our ``client_ref`` (resume after a crash)."""

    def find_task(self, request: GenerationRequest, client_ref: str, submitted_after: float,
                  cancel: CancelToken | None = None) -> TaskHandle | None:
        task = self._task(request.capability)
        lookup = task.get("lookup")
        if not lookup:
            raise self.error(f"the provider file cannot look up {request.capability} tasks", kind=E.CONFIG)
        model = self._model(request.capability, request)
        values = self._request_values(request, model)
        values["client_ref"] = client_ref
        response = self._send(lookup, self._context(values, parameters=request.parameters), cancel, check=False)
        if response.status_code == 404:
            return None
        if response.status_code >= 400:
            raise self.http.error_for(response)
        data = self._json(response, retry_safe=True)
        try:
            self._check_in_band(data, response.status_code)
        except ProviderError as exc:
            if exc.kind == E.NOT_FOUND:
                return None
            raise
        if lookup.get("task_id"):
            try:  # the path may name our id: data[?task_info.external_task_id == '{client_ref}'].task_id | [0]
                path = T.render(lookup["task_id"], self._context({"client_ref": client_ref, "model": model}))
            except T.TemplateError as exc:
                raise self.error(f"cannot prepare the lookup: {exc}", kind=E.CONFIG) from None
            task_id = T.search(path, data)
        else:
            task_id = self._match_listed(lookup, data, request, model, client_ref, submitted_after)
        if T.empty(task_id):
            return None
        return TaskHandle(provider=self.name, capability=request.capability, task_id=str(task_id), model=model)

    def _match_listed(self, lookup: Mapping[str, Any], data: Any, request: GenerationRequest, model: str,
                      client_ref: str, submitted_after: float) -> Any:
        """The newest listed task with our client_ref, or our model, a creation time at or after the
        submission (less two minutes of clock skew) and our prompt; None when there is none."""
        matches: list[tuple[float, Any]] = []
        for item in _as_list(T.search(lookup["items"], data)):
            if lookup.get("item_client_ref") and str(T.search(lookup["item_client_ref"], item) or "") != client_ref:
                continue
            if lookup.get("item_model") and str(T.search(lookup["item_model"], item) or "") != model:
                continue
            created = 0.0
            if lookup.get("item_created"):
                try:
                    created = float(T.search(lookup["item_created"], item)) / float(lookup.get("created_scale", 1))
                except (TypeError, ValueError):
                    continue
                if created < submitted_after - 120:
                    continue
            if lookup.get("item_prompt") and request.prompt.strip() not in str(T.search(lookup["item_prompt"], item)
                                                                              or ""):
                continue
            matches.append((created, T.search(lookup["item_task_id"], item)))
        return max(matches, key=lambda m: m[0])[1] if matches else None
