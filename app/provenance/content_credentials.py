"""C2PA content credentials for an exported episode (optional; needs the user's certificate).

The manifest says the episode was composed with AI-generated ingredients
(IPTC digital source type ``compositeWithTrainedAlgorithmicMedia``), lists each
AI ingredient with its provider and model, and carries our provenance summary as
a custom assertion. Signing writes a new file and renames it over the export,
so a failure never leaves a damaged video.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication

import app
from app.bundle import ProjectBundle
from app.errors import UserError
from app.provenance.ledger import Ledger

IPTC = "http://cv.iptc.org/newscodes/digitalsourcetype/"
INGREDIENT_MIME = {".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".webp": "image/webp",
                   ".mp4": "video/mp4", ".mov": "video/quicktime", ".wav": "audio/wav", ".mp3": "audio/mpeg"}
MAX_INGREDIENT_BYTES = 200 * 1024 * 1024
SIGNING_ALGORITHMS = ("es256", "es384", "es512", "ps256", "ps384", "ps512", "ed25519")


@dataclass
class SigningIdentity:
    """The user's certificate chain (PEM, leaf first) and private key (PEM)."""

    certificate_chain: Path
    private_key: Path
    algorithm: str = "es256"
    timestamp_url: str | None = None

    def load(self) -> tuple[bytes, bytes]:
        try:
            return self.certificate_chain.read_bytes(), self.private_key.read_bytes()
        except OSError as exc:
            raise UserError(QCoreApplication.translate("ProvenanceContentCredentials", "Cannot read the signing certificate or key ({filename}): {strerror}. Choose them again in Preferences > Content credentials.").format(filename=exc.filename, strerror=exc.strerror)) from exc


def build_manifest(ledger: Ledger, title: str) -> dict[str, Any]:
    ai = ledger.ai_entries()
    source_type = IPTC + ("compositeWithTrainedAlgorithmicMedia" if ai else "digitalCreation")
    actions = [{"action": "c2pa.created", "digitalSourceType": source_type,
                "softwareAgent": {"name": "Microdrama Studio", "version": app.__version__}}]
    for provider, model in ledger.ai_tools():
        # "placed" would need ingredient references per action; "edited" by an AI agent says the same
        actions.append({"action": "c2pa.edited", "digitalSourceType": IPTC + "trainedAlgorithmicMedia",
                        "description": "AI-generated pictures or sound composed into the episode",
                        "softwareAgent": {"name": provider, **({"version": model} if model else {})}})
    summary = {
        "series": ledger.series.title, "episode": ledger.episode.number,
        "ai_tools": [{"provider": p, "model": m} for p, m in ledger.ai_tools()],
        "assets": [{"file": e.asset.original_name, "sha256": e.asset.sha256, "source": e.asset.provenance.source,
                    "provider": e.asset.provenance.provider, "model": e.asset.provenance.model,
                    "prompt": e.asset.provenance.prompt, "task_id": e.asset.provenance.task_id}
                   for e in ledger.entries],
        "performers": ledger.performers(),
    }
    return {
        "claim_generator_info": [{"name": "Microdrama Studio", "version": app.__version__}],
        "title": title,
        "format": "video/mp4",
        "assertions": [
            {"label": "c2pa.actions", "data": {"actions": actions}},
            {"label": "io.github.microdrama.provenance", "data": summary},
        ],
    }


def sign_video(video: Path, ledger: Ledger, bundle: ProjectBundle, identity: SigningIdentity) -> None:
    import c2pa  # loaded only when signing: a native library

    if identity.algorithm not in SIGNING_ALGORITHMS:
        raise UserError(QCoreApplication.translate("ProvenanceContentCredentials", "Unknown signing algorithm {algorithm!r}; use one of {join}.").format(algorithm=identity.algorithm, join=', '.join(SIGNING_ALGORITHMS)))
    chain, key = identity.load()
    video = Path(video)
    tmp = video.with_name(f".{video.name}.c2pa.part")
    try:
        signer = c2pa.Signer.from_info(c2pa.C2paSignerInfo(identity.algorithm.encode(), chain, key,
                                                           identity.timestamp_url.encode() if identity.timestamp_url else None))
        builder = c2pa.Builder(build_manifest(ledger, video.name))
        for entry in ledger.ai_entries():
            path = bundle.resolve(entry.asset.path)
            mime = INGREDIENT_MIME.get(path.suffix.lower())
            if mime is None or not path.is_file() or path.stat().st_size > MAX_INGREDIENT_BYTES:
                continue  # still declared in the actions and the provenance assertion
            p = entry.asset.provenance
            with open(path, "rb") as stream:
                builder.add_ingredient({"title": entry.asset.original_name, "relationship": "componentOf",
                                        "metadata": {"provider": p.provider, "model": p.model}}, mime, stream)
        builder.sign_file(str(video), str(tmp), signer)
        with open(tmp, "rb+") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, video)
    except c2pa.C2paError as exc:
        tmp.unlink(missing_ok=True)
        raise UserError(QCoreApplication.translate("ProvenanceContentCredentials", "Signing {name} with content credentials failed: {exc}. The export itself is unchanged. If the message is about the certificate, check the chain (leaf first, then its CA) and that the key matches it.").format(name=video.name, exc=exc)) from exc
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise UserError(QCoreApplication.translate("ProvenanceContentCredentials", "Could not write the signed {name}: {value}.").format(name=video.name, value=exc.strerror or exc)) from exc


def read_manifest(video: Path) -> dict[str, Any]:
    """The active manifest of a signed file, as the c2pa library reads it."""
    import json

    import c2pa

    reader = c2pa.Reader(str(video))
    store = json.loads(reader.json())
    manifest = store["manifests"][store["active_manifest"]]
    if not isinstance(manifest, dict):
        raise ValueError(f"{video.name}: the active manifest is not an object")
    return manifest
