"""Rendering the Kubernetes overlays once per run (kubectl kustomize)."""

import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
KUBERNETES = ROOT / "deploy" / "kubernetes"
OVERLAYS = sorted(p.name for p in (KUBERNETES / "overlays").iterdir() if p.is_dir())


def kubectl_kustomize(path: Path) -> list[dict]:
    kubectl = shutil.which("kubectl")
    if kubectl is None:
        pytest.skip(
            "kubectl is not installed, so the overlays cannot be rendered "
            "(Debian: apt-get install kubernetes-client)"
        )
    rendered = subprocess.run(
        [kubectl, "kustomize", str(path)], capture_output=True, text=True, check=True, timeout=120
    ).stdout
    return [doc for doc in yaml.safe_load_all(rendered) if doc]


_rendered: dict[str, list[dict]] = {}


@pytest.fixture(params=OVERLAYS)
def overlay(request) -> tuple[str, list[dict]]:
    """(name, rendered objects) of each overlay."""
    if request.param not in _rendered:
        _rendered[request.param] = kubectl_kustomize(KUBERNETES / "overlays" / request.param)
    return request.param, _rendered[request.param]


def find(objects: list[dict], kind: str, name: str | None = None) -> list[dict]:
    return [
        o
        for o in objects
        if o["kind"] == kind and (name is None or o["metadata"]["name"].startswith(name))
    ]


def pod_specs(objects: list[dict]) -> dict[str, dict]:
    """The pod template of every Deployment and Job, by "Kind/name"."""
    return {
        f"{o['kind']}/{o['metadata']['name']}": o["spec"]["template"]["spec"]
        for o in objects
        if o["kind"] in ("Deployment", "Job")
    }
