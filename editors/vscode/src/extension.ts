// The VS Code side of blast-radius: starts `blast-radius server` over stdio with
// vscode-languageclient, passes the settings, and adds the commands and the status bar item.

import * as vscode from "vscode";
import {
  DidChangeConfigurationNotification,
  ExecuteCommandRequest,
  LanguageClient,
  LanguageClientOptions,
  ServerOptions,
} from "vscode-languageclient/node";

import { documentSelector } from "./languages";
import { countNeedingReview, statusText } from "./review";
import { locateServer, SETTING } from "./server";
import { serverPayload } from "./settings";

const SECTION = "blastRadius";
const REQUEST_REVIEW_ALL = "blast-radius.requestReviewAll";
const SCAN_WORKSPACE = "blast-radius.scanWorkspace";

let client: LanguageClient | undefined;
let output: vscode.LogOutputChannel | undefined;
let statusItem: vscode.StatusBarItem | undefined;

function readSetting(key: string): unknown {
  return vscode.workspace.getConfiguration(SECTION).get(key);
}

async function startClient(context: vscode.ExtensionContext): Promise<void> {
  const location = locateServer({
    configuredPath: vscode.workspace.getConfiguration(SECTION).get<string>("path"),
    extensionPath: context.extensionPath,
    workspaceFolder: vscode.workspace.workspaceFolders?.[0]?.uri.fsPath,
    platform: process.platform,
    envPath: process.env.PATH,
  });
  if (location.kind === "missing") {
    output?.error(location.message);
    const open = "Open Settings";
    void vscode.window.showErrorMessage(location.message, open).then((choice) => {
      if (choice === open) {
        void vscode.commands.executeCommand("workbench.action.openSettings", SETTING);
      }
    });
    return;
  }
  output?.info(`starting ${location.path} server (from ${location.source})`);
  // No `transport`: with TransportKind.stdio the client would append `--stdio` to the arguments.
  const serverOptions: ServerOptions = { command: location.path, args: ["server"] };
  const clientOptions: LanguageClientOptions = {
    documentSelector: documentSelector(),
    initializationOptions: serverPayload(readSetting),
    // The server registers its own file watchers (blast-radius.toml, rule queries).
    outputChannel: output,
  };
  client = new LanguageClient(SECTION, "blast-radius", serverOptions, clientOptions);
  try {
    await client.start();
  } catch (error) {
    const message = `blast-radius: the server at ${location.path} did not start: ${String(error)}. Check \`${SETTING}\`.`;
    output?.error(message);
    void vscode.window.showErrorMessage(message);
    client = undefined;
  }
}

async function stopClient(): Promise<void> {
  const running = client;
  client = undefined;
  if (running) {
    await running.stop();
  }
}

function runningClient(): LanguageClient | undefined {
  if (!client) {
    void vscode.window.showWarningMessage(
      `blast-radius: the server is not running (see the output; \`${SETTING}\` chooses the binary).`,
    );
  }
  return client;
}

function updateStatus(): void {
  if (!statusItem) {
    return;
  }
  const open = vscode.workspace.textDocuments.filter((d) => d.uri.scheme === "file" || d.uri.scheme === "untitled");
  const count = countNeedingReview(open.flatMap((d) => vscode.languages.getDiagnostics(d.uri)));
  const status = statusText(count, open.length);
  statusItem.text = status.text;
  statusItem.tooltip = status.tooltip;
  statusItem.accessibilityInformation = { label: status.tooltip };
  statusItem.show();
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  output = vscode.window.createOutputChannel("blast-radius", { log: true });
  statusItem = vscode.window.createStatusBarItem("blastRadius.review", vscode.StatusBarAlignment.Left, 10);
  statusItem.name = "blast-radius";
  statusItem.command = "workbench.actions.view.problems";
  context.subscriptions.push(output, statusItem);

  context.subscriptions.push(
    vscode.commands.registerCommand("blastRadius.restartServer", async () => {
      await stopClient();
      await startClient(context);
    }),
    vscode.commands.registerCommand("blastRadius.scanWorkspace", async () => {
      const running = runningClient();
      if (!running) {
        return;
      }
      const result = (await running.sendRequest(ExecuteCommandRequest.type, {
        command: SCAN_WORKSPACE,
        arguments: [],
      })) as { findings?: number; files?: number } | null;
      if (result && typeof result.findings === "number") {
        void vscode.window.showInformationMessage(
          `blast-radius: ${result.findings} findings in ${result.files ?? 0} files checked.`,
        );
      }
    }),
    vscode.commands.registerCommand("blastRadius.requestReviewCurrentFile", async () => {
      const running = runningClient();
      const editor = vscode.window.activeTextEditor;
      if (!running || !editor) {
        return;
      }
      const uri = running.code2ProtocolConverter.asUri(editor.document.uri);
      const applied: unknown = await running.sendRequest(ExecuteCommandRequest.type, {
        command: REQUEST_REVIEW_ALL,
        arguments: [uri],
      });
      if (applied !== true) {
        void vscode.window.showInformationMessage("blast-radius: no finding in this file needs a review request.");
      }
    }),
    vscode.commands.registerCommand("blastRadius.showOutput", () => output?.show(true)),
    vscode.workspace.onDidChangeConfiguration(async (event) => {
      if (!event.affectsConfiguration(SECTION)) {
        return;
      }
      if (event.affectsConfiguration(`${SECTION}.path`) || !client) {
        output?.info("blastRadius.path changed: restarting the server");
        await stopClient();
        await startClient(context);
        return;
      }
      output?.info("settings changed: sending them to the server");
      await client.sendNotification(DidChangeConfigurationNotification.type, {
        settings: serverPayload(readSetting),
      });
    }),
    vscode.languages.onDidChangeDiagnostics(updateStatus),
    vscode.workspace.onDidOpenTextDocument(updateStatus),
    vscode.workspace.onDidCloseTextDocument(updateStatus),
  );
  updateStatus();
  await startClient(context);
}

export async function deactivate(): Promise<void> {
  await stopClient();
}
