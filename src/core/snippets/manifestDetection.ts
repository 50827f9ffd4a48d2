/**
 * Whether a YAML file is a Kubernetes manifest, so that the Kubernetes snippets and hovers are
 * offered there and not in every YAML file: a name that says so (`*.k8s.yaml`, `deployment.yaml`,
 * ...), or `apiVersion:` and `kind:` at the top level of its first part.
 */
const manifestFileName = /(?:^|\/)(?:[^/]*\.k8s|deployment|service|ingress|hpa|configmap|secret|pdb|statefulset|daemonset|job|cronjob|pod|namespace|networkpolicy|serviceaccount|role|rolebinding|pvc|persistentvolumeclaim)s?\.ya?ml$/i;
const topLevelApiVersion = /^apiVersion:[ \t]*\S/m;
const topLevelKind = /^kind:[ \t]*\S/m;

/** How much of a file is looked at: the keys are at the top of a manifest. */
const headLength = 16 * 1024;

export function isKubernetesManifest(path: string, text: string): boolean {
  if (manifestFileName.test(path)) {
    return true;
  }
  const head = text.slice(0, headLength);
  return topLevelApiVersion.test(head) && topLevelKind.test(head);
}

/** Which note section explains a manifest key, for hovers. */
export const kubernetesKeySections: Readonly<Record<string, string>> = {
  livenessProbe: 'kubernetes#probes',
  readinessProbe: 'kubernetes#probes',
  startupProbe: 'kubernetes#probes',
  resources: 'kubernetes#resources',
  requests: 'kubernetes#resources',
  limits: 'kubernetes#resources',
  strategy: 'kubernetes#rolling-updates',
  rollingUpdate: 'kubernetes#rolling-updates',
  maxSurge: 'kubernetes#rolling-updates',
  maxUnavailable: 'kubernetes#rolling-updates',
  replicas: 'kubernetes#deployments',
  affinity: 'kubernetes#scheduling',
  nodeSelector: 'kubernetes#scheduling',
  tolerations: 'kubernetes#scheduling',
  configMapRef: 'kubernetes#config',
  configMapKeyRef: 'kubernetes#config',
  secretKeyRef: 'kubernetes#config',
  secretRef: 'kubernetes#config',
  envFrom: 'kubernetes#config',
  volumeClaimTemplates: 'kubernetes#statefulset',
  minAvailable: 'kubernetes#disruptions',
  initContainers: 'kubernetes#init-sidecar',
  terminationGracePeriodSeconds: 'kubernetes#pod-lifecycle',
  preStop: 'kubernetes#pod-lifecycle',
  scaleTargetRef: 'kubernetes#hpa',
  minReplicas: 'kubernetes#hpa',
  maxReplicas: 'kubernetes#hpa',
};
