/** Which note section explains a Dockerfile instruction or an nginx directive, for hovers. */
export const dockerfileInstructionSections: Readonly<Record<string, string>> = {
  FROM: 'docker#from-run',
  RUN: 'docker#from-run',
  COPY: 'docker#copy-vs-add',
  ADD: 'docker#copy-vs-add',
  CMD: 'docker#cmd-entrypoint',
  ENTRYPOINT: 'docker#cmd-entrypoint',
  EXPOSE: 'docker#expose',
  ENV: 'docker#env-arg',
  ARG: 'docker#env-arg',
  VOLUME: 'docker#volume',
  WORKDIR: 'docker#workdir-user',
  USER: 'docker#workdir-user',
  HEALTHCHECK: 'docker#healthcheck',
  STOPSIGNAL: 'docker#healthcheck',
};

export const nginxDirectiveSections: Readonly<Record<string, string>> = {
  location: 'nginx#location-matching',
  proxy_pass: 'nginx#proxy-pass',
  proxy_set_header: 'nginx#proxy-headers',
  proxy_http_version: 'nginx#upstream-keepalive',
  proxy_connect_timeout: 'nginx#proxy-timeouts',
  proxy_read_timeout: 'nginx#proxy-timeouts',
  proxy_next_upstream: 'nginx#proxy-timeouts',
  upstream: 'nginx#load-balancing',
  least_conn: 'nginx#lb-methods',
  ip_hash: 'nginx#lb-methods',
  hash: 'nginx#lb-methods',
  max_fails: 'nginx#health-checks',
  fail_timeout: 'nginx#health-checks',
  keepalive: 'nginx#upstream-keepalive',
  gzip: 'nginx#gzip',
  gzip_types: 'nginx#gzip',
  add_header: 'nginx#cors-nginx',
  try_files: 'nginx#static-files',
  root: 'nginx#static-files',
  alias: 'nginx#static-files',
  limit_req: 'nginx#rate-limiting',
  limit_req_zone: 'nginx#rate-limiting',
  worker_processes: 'nginx#worker-event-loop',
  worker_connections: 'nginx#worker-event-loop',
  ssl_certificate: 'nginx#tls',
};

/** The word at a column of a line: letters, digits and `_`. */
export function wordAt(line: string, column: number): { word: string; start: number; end: number } | undefined {
  let start = column;
  let end = column;
  while (start > 0 && /\w/.test(line[start - 1])) {
    start--;
  }
  while (end < line.length && /\w/.test(line[end])) {
    end++;
  }
  return end > start ? { word: line.slice(start, end), start, end } : undefined;
}
