#!/usr/bin/env bash
# Roll out one overlay with plain kubectl, migrations first:
#   deploy/rollout.sh staging|production IMAGE
# 1. render the overlay with IMAGE; 2. apply the ConfigMap and the migrations Job (after
# deleting the last one: a Job's pod template cannot change) and wait for it to complete;
# 3. apply everything, and wait for web, worker and beat to roll out. A failed migration
# stops here, before any pod of the new image takes traffic. (Argo CD does the same with
# the Job's PreSync hook annotation.)
set -euo pipefail
overlay=${1:?usage: rollout.sh staging|production IMAGE}
image=${2:?usage: rollout.sh staging|production IMAGE}
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
case "$image" in *:*) ;; *) echo "rollout.sh: IMAGE needs a tag (registry/name:tag)" >&2; exit 2 ;; esac
cp -r "$here/kubernetes" "$work/kubernetes"
mkdir "$work/release"
cat >"$work/release/kustomization.yaml" <<YAML
apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization
resources:
  - ../kubernetes/overlays/$overlay
images:
  - name: digital-services
    newName: ${image%:*}
    newTag: ${image##*:}
YAML
kubectl kustomize "$work/release" >"$work/rendered.yaml"
namespace=$(grep -m1 -E '^  namespace: ' "$work/rendered.yaml" | awk '{print $2}')

kubectl -n "$namespace" delete job migrate --ignore-not-found --wait=true
# The ConfigMap, ServiceAccount and NetworkPolicies (no component label), then the Job.
kubectl apply -f "$work/rendered.yaml" --selector='!app.kubernetes.io/component'
kubectl apply -f "$work/rendered.yaml" --selector='app.kubernetes.io/component=migrate'
kubectl -n "$namespace" wait --for=condition=complete job/migrate --timeout=900s
kubectl apply -f "$work/rendered.yaml"
for deployment in web worker beat; do
  kubectl -n "$namespace" rollout status "deployment/$deployment" --timeout=600s
done
