"""C2PA: the manifest we sign into an export is read back by the c2pa library itself."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import av
import numpy as np
import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

from app.bundle import ProjectBundle
from app.errors import UserError
from app.model import Clip, Episode, Provenance, Series, TrackKind
from app.provenance.content_credentials import SigningIdentity, read_manifest, sign_video
from app.provenance.ledger import build_ledger


def _name(cn: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, cn),
                      x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Microdrama Test")])


def _usage(**flags: bool) -> x509.KeyUsage:
    names = ("digital_signature", "content_commitment", "key_encipherment", "data_encipherment",
             "key_agreement", "key_cert_sign", "crl_sign", "encipher_only", "decipher_only")
    return x509.KeyUsage(**{n: flags.get(n, False) for n in names})


@pytest.fixture(scope="module")
def test_identity(tmp_path_factory) -> SigningIdentity:
    """A test CA and an ES256 signing certificate, as a user would get from their CA."""
    folder = tmp_path_factory.mktemp("certs")
    now = dt.datetime.now(dt.UTC)
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca = (x509.CertificateBuilder().subject_name(_name("Test Root CA")).issuer_name(_name("Test Root CA"))
          .public_key(ca_key.public_key()).serial_number(x509.random_serial_number())
          .not_valid_before(now - dt.timedelta(days=1)).not_valid_after(now + dt.timedelta(days=3650))
          .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
          .add_extension(_usage(digital_signature=True, key_cert_sign=True, crl_sign=True), critical=True)
          .sign(ca_key, hashes.SHA256()))
    key = ec.generate_private_key(ec.SECP256R1())
    leaf = (x509.CertificateBuilder().subject_name(_name("Test Creator")).issuer_name(ca.subject)
            .public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(now - dt.timedelta(days=1)).not_valid_after(now + dt.timedelta(days=365))
            .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
            .add_extension(_usage(digital_signature=True), critical=True)
            .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.EMAIL_PROTECTION]), critical=False)
            .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()), critical=False)
            .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
            .sign(ca_key, hashes.SHA256()))
    chain = folder / "chain.pem"
    chain.write_bytes(leaf.public_bytes(serialization.Encoding.PEM) + ca.public_bytes(serialization.Encoding.PEM))
    private = folder / "key.pem"
    private.write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                          serialization.NoEncryption()))
    return SigningIdentity(chain, private)


def _video(path: Path) -> Path:
    with av.open(str(path), "w") as out:
        stream = out.add_stream("libx264", rate=30)
        stream.width, stream.height, stream.pix_fmt = 108, 192, "yuv420p"
        for i in range(15):
            for packet in stream.encode(av.VideoFrame.from_ndarray(np.full((192, 108, 3), i * 9, np.uint8), "rgb24")):
                out.mux(packet)
        for packet in stream.encode():
            out.mux(packet)
    return path


@pytest.fixture
def signed_setup(tmp_path):
    series = Series(title="Heiress")
    episode = Episode(number=1)
    series.episodes.append(episode)
    bundle = ProjectBundle.create(tmp_path / "H.mdrama", series)
    still_file = tmp_path / "still.png"
    import cv2

    cv2.imwrite(str(still_file), np.full((400, 300, 3), 120, np.uint8))
    asset = bundle.import_file(still_file, provenance=Provenance(source="generated", provider="kling",
                                                                 model="kling-v2-1", prompt="rain"))
    series.media[asset.id] = asset
    episode.timeline.first_track(TrackKind.PICTURE).clips.append(Clip(asset_id=asset.id, duration=15))
    return bundle, series, episode, _video(tmp_path / "ep1.mp4")


def test_signed_export_declares_ai_ingredients(signed_setup, test_identity) -> None:
    bundle, series, episode, video = signed_setup
    sign_video(video, build_ledger(series, episode), bundle, test_identity)
    manifest = read_manifest(video)
    actions = next(a for a in manifest["assertions"] if a["label"].startswith("c2pa.actions"))["data"]["actions"]
    assert any(a["digitalSourceType"].endswith("compositeWithTrainedAlgorithmicMedia") for a in actions)
    assert any(a.get("softwareAgent", {}).get("name") == "kling" for a in actions)
    assert [i["title"] for i in manifest["ingredients"]] == ["still.png"]
    custom = next(a for a in manifest["assertions"] if a["label"] == "io.github.microdrama.provenance")
    assert custom["data"]["assets"][0]["prompt"] == "rain"
    with av.open(str(video)) as container:  # still a playable video
        assert container.streams.video[0].frames == 15


def test_wrong_key_fails_clearly_and_keeps_the_export(signed_setup, test_identity, tmp_path) -> None:
    bundle, series, episode, video = signed_setup
    before = video.read_bytes()
    other = ec.generate_private_key(ec.SECP256R1())
    bad_key = tmp_path / "other.pem"
    bad_key.write_bytes(other.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                            serialization.NoEncryption()))
    with pytest.raises(UserError, match="failed"):
        sign_video(video, build_ledger(series, episode), bundle,
                   SigningIdentity(test_identity.certificate_chain, bad_key))
    assert video.read_bytes() == before
    assert not list(video.parent.glob(".*.part"))
