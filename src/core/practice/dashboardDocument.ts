import { escapeAttribute, webviewPageHead, type WebviewPageHead } from '../render/readerDocument';

export interface DashboardDocumentParts extends WebviewPageHead {
  readonly scriptUri: string;
  /** The localized strings and the restored selection, for the script, in a data attribute. */
  readonly data: unknown;
}

/**
 * The dashboard webview's page: an empty main that the script fills from the host's model
 * with DOM calls and text only. Same policy as the reader: scripts by nonce, styles from the
 * extension's files (uPlot sets its sizes through CSSOM, which the policy allows).
 */
export function dashboardDocument(parts: DashboardDocumentParts): string {
  return `${webviewPageHead(parts)}
  <body class="dashboard">
    <div id="dashboard-data" data-dashboard="${escapeAttribute(JSON.stringify(parts.data))}"></div>
    <main id="dashboard" class="dashboard-main" aria-busy="true"></main>
    <script nonce="${escapeAttribute(parts.nonce)}" src="${escapeAttribute(parts.scriptUri)}"></script>
  </body>
</html>`;
}
