"""The Kubernetes manifests (deploy/kubernetes): every overlay renders with
`kubectl kustomize`, validates against the Kubernetes schemas offline
(kubernetes-validate), and has the shape issue #21 asks for."""

from __future__ import annotations

import os
import re
import subprocess
import sys

import kubernetes_validate
import pytest

from .conftest import OVERLAYS, ROOT, find, pod_specs

KUBERNETES_VERSION = "1.32.0"
SECRET_NAME = "digital-services-secrets"
CONFIG_NAME = "digital-services-config"


def test_there_are_staging_and_production_overlays():
    assert {"staging", "production"} <= set(OVERLAYS)


def test_every_rendered_object_is_valid_against_the_kubernetes_schemas(overlay):
    name, objects = overlay
    assert objects, f"{name} rendered nothing"
    for obj in objects:
        # strict: an unknown or misspelt field fails, not only a missing one
        kubernetes_validate.validate(obj, KUBERNETES_VERSION, strict=True)


def test_an_invalid_object_fails_validation():
    """The validation above can fail: a Deployment with a misspelt field does."""
    bad = {
        "apiVersion": "apps/v1",
        "kind": "Deployment",
        "metadata": {"name": "web"},
        "spec": {"replicas": "three", "selector": {}, "template": {"spec": {"containers": []}}},
    }
    with pytest.raises(kubernetes_validate.ValidationError):
        kubernetes_validate.validate(bad, KUBERNETES_VERSION, strict=True)


def test_web_worker_beat_migrations_service_ingress_hpa_pdb_and_network_policy(overlay):
    _, objects = overlay
    deployments = {d["metadata"]["name"] for d in find(objects, "Deployment")}
    assert deployments == {"web", "worker", "beat"}
    assert [j["metadata"]["name"] for j in find(objects, "Job")] == ["migrate"]
    assert find(objects, "Service", "web")
    assert {
        h["spec"]["scaleTargetRef"]["name"] for h in find(objects, "HorizontalPodAutoscaler")
    } == {
        "web",
        "worker",
    }
    assert {p["metadata"]["name"] for p in find(objects, "PodDisruptionBudget")} == {
        "web",
        "worker",
    }
    assert find(objects, "NetworkPolicy")
    assert not find(objects, "Secret"), "no secret may be kept in the repository"


def test_beat_runs_exactly_once(overlay):
    _, objects = overlay
    (beat,) = find(objects, "Deployment", "beat")
    assert beat["spec"]["replicas"] == 1
    assert beat["spec"]["strategy"] == {"type": "Recreate"}
    autoscaled = {
        h["spec"]["scaleTargetRef"]["name"] for h in find(objects, "HorizontalPodAutoscaler")
    }
    assert "beat" not in autoscaled
    (container,) = beat["spec"]["template"]["spec"]["containers"]
    assert container["command"][:4] == ["celery", "-A", "digital_services", "beat"]


def test_the_migrations_job_migrates_and_new_pods_wait_for_it(overlay):
    _, objects = overlay
    (job,) = find(objects, "Job", "migrate")
    (container,) = job["spec"]["template"]["spec"]["containers"]
    assert container["command"] == ["python", "manage.py", "migrate", "--no-input"]
    assert job["metadata"]["annotations"]["argocd.argoproj.io/hook"] == "PreSync"
    for deployment in find(objects, "Deployment"):
        init = deployment["spec"]["template"]["spec"]["initContainers"]
        assert [c["command"] for c in init] == [
            ["python", "manage.py", "migrate", "--check", "--no-input"]
        ], deployment["metadata"]["name"]


def test_web_probes_readiness_on_healthz_and_liveness_on_the_cheap_view(overlay):
    _, objects = overlay
    (web,) = find(objects, "Deployment", "web")
    (container,) = web["spec"]["template"]["spec"]["containers"]
    assert container["readinessProbe"]["httpGet"]["path"] == "/healthz"
    assert container["livenessProbe"]["httpGet"]["path"] == "/healthz/live"
    assert container["command"][0] == "gunicorn"
    # The probes' Host header must be allowed, or every probe answers 400.
    config = _config(objects)
    for probe in ("readinessProbe", "livenessProbe"):
        headers = {h["name"]: h["value"] for h in container[probe]["httpGet"]["httpHeaders"]}
        assert headers["Host"] in config["ALLOWED_HOSTS"].split(",")


def test_the_worker_listens_on_every_queue(overlay):
    from digital_services.notifications.constants import ALL_QUEUES

    _, objects = overlay
    (worker,) = find(objects, "Deployment", "worker")
    (container,) = worker["spec"]["template"]["spec"]["containers"]
    command = container["command"]
    assert command[:4] == ["celery", "-A", "digital_services", "worker"]
    assert set(command[command.index("-Q") + 1].split(",")) == set(ALL_QUEUES)


def test_every_pod_is_non_root_read_only_and_drops_every_capability(overlay):
    _, objects = overlay
    dockerfile_user = re.search(r"^USER (\d+)(?::(\d+))?$", (ROOT / "Dockerfile").read_text(), re.M)
    assert dockerfile_user, "the Dockerfile should name its user by number"
    for where, spec in pod_specs(objects).items():
        pod = spec["securityContext"]
        assert pod["runAsNonRoot"] is True, where
        assert str(pod["runAsUser"]) == dockerfile_user.group(1), where
        assert pod["seccompProfile"] == {"type": "RuntimeDefault"}, where
        assert spec["automountServiceAccountToken"] is False, where
        for container in spec["containers"] + spec.get("initContainers", []):
            security = container["securityContext"]
            assert security["readOnlyRootFilesystem"] is True, where
            assert security["allowPrivilegeEscalation"] is False, where
            assert security["capabilities"] == {"drop": ["ALL"]}, where
            # The one writable place is an emptyDir at /tmp.
            assert [m["mountPath"] for m in container["volumeMounts"]] == ["/tmp"], where
            resources = container["resources"]
            assert set(resources["requests"]) == set(resources["limits"]) == {"cpu", "memory"}, (
                where
            )


def _config(objects) -> dict[str, str]:
    (config,) = find(objects, "ConfigMap", CONFIG_NAME)
    return config["data"]


def _secret_keys(objects) -> set[str]:
    keys = set()
    for where, spec in pod_specs(objects).items():
        for container in spec["containers"] + spec.get("initContainers", []):
            for env in container.get("env", []):
                ref = env["valueFrom"]["secretKeyRef"]
                assert ref["name"] == SECRET_NAME, where
                assert ref["key"] == env["name"], where
                keys.add(ref["key"])
            (config_ref,) = container["envFrom"]
            assert config_ref["configMapRef"]["name"].startswith(CONFIG_NAME), where
    return keys


def test_secrets_and_config_come_from_the_documented_names(overlay):
    _, objects = overlay
    readme = (ROOT / "README.md").read_text()
    keys = _secret_keys(objects)
    assert {"SECRET_KEY", "DATABASE_URL", "REDIS_URL"} <= keys
    assert f"`{SECRET_NAME}`" in readme and f"`{CONFIG_NAME}`" in readme
    undocumented = {k for k in keys | set(_config(objects)) if f"`{k}`" not in readme}
    assert not undocumented, f"document these in the README: {sorted(undocumented)}"


def test_every_variable_set_is_one_the_code_reads(overlay):
    _, objects = overlay
    example = (ROOT / ".env.example").read_text()
    documented = set(re.findall(r"^#? ?([A-Z][A-Z0-9_]+)=", example, re.M))
    unknown = (set(_config(objects)) | _secret_keys(objects)) - documented
    assert not unknown, f"not read by the settings or gunicorn.conf.py: {sorted(unknown)}"


def test_the_ingress_serves_the_configured_host_over_tls(overlay):
    _, objects = overlay
    (ingress,) = find(objects, "Ingress", "web")
    config = _config(objects)
    (tls,) = ingress["spec"]["tls"]
    (rule,) = ingress["spec"]["rules"]
    assert tls["hosts"] == [rule["host"]]
    assert tls["secretName"]
    assert rule["host"] in config["ALLOWED_HOSTS"].split(",")
    assert config["SITE_URL"] == f"https://{rule['host']}"
    assert ingress["metadata"]["annotations"]["cert-manager.io/cluster-issuer"]


def test_pods_reach_only_dns_postgresql_redis_s3_and_the_egress_proxy(overlay):
    _, objects = overlay
    policies = {p["metadata"]["name"]: p["spec"] for p in find(objects, "NetworkPolicy")}
    deny = policies["default-deny"]
    assert deny["podSelector"]["matchLabels"] == {"app.kubernetes.io/name": "digital-services"}
    assert set(deny["policyTypes"]) == {"Ingress", "Egress"} and "egress" not in deny
    egress_ports = {
        (port["protocol"], port["port"])
        for policy in policies.values()
        for rule in policy.get("egress", [])
        for port in rule["ports"]
    }
    assert egress_ports == {
        ("UDP", 53),
        ("TCP", 53),
        ("TCP", 5432),
        ("TCP", 6379),
        ("TCP", 443),
        ("TCP", 3128),  # the egress proxy to GOV.UK Notify and Pay
    }
    for policy in policies.values():
        for rule in policy.get("egress", []):
            for peer in rule["to"]:
                if "ipBlock" in peer:
                    assert peer["ipBlock"]["cidr"] != "0.0.0.0/0"
    (ingress_policy,) = [p for p in policies.values() if p.get("ingress")]
    assert ingress_policy["podSelector"]["matchLabels"]["app.kubernetes.io/component"] == "web"
    # Every pod that runs the app is under the egress policy.
    (egress_policy,) = [p for p in policies.values() if p.get("egress")]
    for obj in find(objects, "Deployment") + find(objects, "Job"):
        labels = obj["spec"]["template"]["metadata"]["labels"]
        for key, value in egress_policy["podSelector"]["matchLabels"].items():
            assert labels.get(key) == value, obj["metadata"]["name"]


def test_autoscalers_and_disruption_budgets_leave_web_and_worker_running(overlay):
    _, objects = overlay
    for hpa in find(objects, "HorizontalPodAutoscaler"):
        spec = hpa["spec"]
        assert 1 <= spec["minReplicas"] <= spec["maxReplicas"]
    (web_hpa,) = find(objects, "HorizontalPodAutoscaler", "web")
    (web_pdb,) = find(objects, "PodDisruptionBudget", "web")
    # A drain may take one web pod, and at least one is always left.
    assert web_pdb["spec"]["maxUnavailable"] == 1 < web_hpa["spec"]["minReplicas"]


@pytest.mark.parametrize("name", OVERLAYS)
def test_the_settings_start_with_each_overlays_config(name):
    """Django's deployment check passes with the overlay's ConfigMap and the secret keys the
    pods receive (with made-up values): no variable the settings need is missing."""
    from .conftest import KUBERNETES, kubectl_kustomize

    objects = kubectl_kustomize(KUBERNETES / "overlays" / name)
    made_up = {
        "SECRET_KEY": "k8s-test-" + "x" * 50,
        "DATABASE_URL": "postgres://app@db.invalid:5432/digital_services",
        "REDIS_URL": "redis://redis.invalid:6379/0",
    }
    env = {
        "PATH": os.environ["PATH"],
        "HOME": os.environ.get("HOME", "/tmp"),
        **_config(objects),
        **{key: made_up.get(key, "") for key in _secret_keys(objects)},
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr[-2000:]


def test_notify_and_pay_are_reached_through_the_egress_proxy(overlay):
    """The pods reach no public address, so GOV.UK Notify and Pay go through the proxy the
    egress policy allows; S3 (a VPC endpoint) does not."""
    _, objects = overlay
    (config_map,) = [c for c in find(objects, "ConfigMap") if "config" in c["metadata"]["name"]]
    config = config_map["data"]
    assert config["HTTPS_PROXY"].endswith(":3128")
    assert ".amazonaws.com" in config["NO_PROXY"].split(",")
