// Drives code-server's workbench in Chromium: node test.cjs <workbench url> [screenshot.png]
const path = require("node:path");
const assert = require("node:assert/strict");
const { chromium } = require(path.join(process.env.E2E_MODULES, "playwright-core"));

const fs = require("node:fs");

const [url, settingsFile, screenshot] = process.argv.slice(2);
const TIMEOUT = 60_000;

function step(name) {
  const started = Date.now();
  return () => console.log(`ok   ${name.padEnd(48)} ${String(Date.now() - started).padStart(6)} ms`);
}

async function editorText(page) {
  const text = await page.locator(".monaco-editor .view-lines").first().innerText();
  return text.replace(/\u00a0/g, " ");
}

async function reviewStatus(page) {
  return page.locator('.statusbar-item [aria-label^="blast-radius:"], .statusbar-item[aria-label^="blast-radius:"]').first();
}

(async () => {
  const browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
  });
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  page.setDefaultTimeout(TIMEOUT);
  try {
    let done = step("workbench loads");
    await page.goto(url);
    await page.locator(".monaco-workbench").waitFor();
    await page.locator(".explorer-folders-view").first().waitFor();
    done();

    done = step("open deploy.sh");
    await page.locator(".monaco-workbench").click({ position: { x: 600, y: 300 } });
    await page.keyboard.press("Control+P");
    await page.locator(".quick-input-widget input").fill("deploy.sh");
    await page.locator(".quick-input-list .monaco-list-row").first().waitFor();
    await page.keyboard.press("Enter");
    await page.locator(".monaco-editor .view-lines").first().waitFor();
    await page.keyboard.press("Control+Home");
    done();

    done = step("diagnostic squiggle from the server");
    const squiggle = page.locator(".monaco-editor .squiggly-warning").first();
    await squiggle.waitFor();
    done();

    done = step("status bar counts 1 finding needing review");
    const status = await reviewStatus(page);
    await status.waitFor();
    await page
      .waitForFunction(
        () => [...document.querySelectorAll(".statusbar-item [aria-label], .statusbar-item[aria-label]")].some((e) =>
          /^blast-radius: 1 high-blast-radius finding needs review/.test(e.getAttribute("aria-label") ?? ""),
        ),
        null,
        { timeout: 15_000 },
      )
      .catch(async () => assert.fail(`status bar: ${await status.getAttribute("aria-label")}`));
    done();

    done = step("hover shows the finding and its blast radius");
    const findingLine = page.locator(".monaco-editor .view-line", { hasText: /rm\s-rf/ }).first();
    await findingLine.hover({ position: { x: 30, y: 8 } });
    const hover = page.locator(".monaco-hover:not(.hidden)").first();
    await hover.waitFor();
    await page.waitForFunction(() => {
      const h = document.querySelector(".monaco-hover:not(.hidden)");
      return h && /blast radius/i.test(h.textContent ?? "");
    });
    const hoverText = await hover.innerText();
    assert.match(hoverText, /rm-recursive-unguarded/);
    done();
    let hoverShot;
    if (screenshot) {
      hoverShot = await page.screenshot();
    }

    done = step("code actions list Request / Record review");
    await page.mouse.move(5, 5);
    await page.keyboard.press("Escape");
    await page.locator(".monaco-editor .view-lines").first().click();
    // Put the cursor on the finding's line (line 3) and ask for quick fixes.
    await page.keyboard.press("Control+Home");
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("Control+.");
    const menu = page.locator(".action-widget").first();
    await menu.waitFor();
    await menu.getByText("Request review of rm-recursive-unguarded").waitFor();
    await menu.getByText("Record review of rm-recursive-unguarded by E2E Reviewer").waitFor();
    done();
    if (screenshot) {
      const actionsShot = await page.screenshot();
      await compose(browser, [hoverShot, actionsShot], screenshot);
    }

    done = step("Request review inserts the directive");
    await menu.getByText("Request review of rm-recursive-unguarded").click();
    await page.waitForFunction(() =>
      /blast-radius: review-requested rm-recursive-unguarded/.test(
        (document.querySelector(".monaco-editor .view-lines")?.textContent ?? "").replace(/\u00a0/g, " "),
      ),
    );
    const lines = (await editorText(page)).split("\n");
    assert.deepEqual(lines.slice(0, 4), [
      "#!/usr/bin/env bash",
      "set -eu",
      "# blast-radius: review-requested rm-recursive-unguarded",
      'rm -rf "$BUILD_DIR"/*',
    ]);
    done();

    done = step("the finding now says review requested");
    await page.mouse.move(5, 5);
    await findingLine.hover({ position: { x: 30, y: 8 } });
    await page.waitForFunction(() =>
      /review requested/.test(document.querySelector(".monaco-hover:not(.hidden)")?.textContent ?? ""),
    );
    done();

    done = step("a changed reviewerName reaches the server");
    // As a user would: edit the user settings JSON in the editor and save it.
    const settings = JSON.parse(fs.readFileSync(settingsFile, "utf8"));
    await page.mouse.move(5, 5);
    await page.keyboard.press("Escape");
    await page.keyboard.press("Control+Shift+P");
    await page.locator(".quick-input-widget input").fill(">Preferences: Open User Settings (JSON)");
    await page.locator(".quick-input-list .monaco-list-row", { hasText: "Open User Settings (JSON)" }).first().click();
    // The settings editor may open as a tab or as a modal editor.
    const settingsEditor = page.locator(".monaco-editor", { hasText: "security.workspace.trust.enabled" }).first();
    await settingsEditor.locator(".view-lines").click();
    await page.keyboard.press("Control+A");
    const current = JSON.parse(fs.readFileSync(settingsFile, "utf8"));
    await page.keyboard.insertText(JSON.stringify({ ...settings, ...current, "blastRadius.reviewerName": "Changed Reviewer" }, null, 2));
    await page.keyboard.press("Control+S");
    for (let i = 0; i < 100 && !fs.readFileSync(settingsFile, "utf8").includes("Changed Reviewer"); i += 1) {
      await page.waitForTimeout(100);
    }
    assert.match(fs.readFileSync(settingsFile, "utf8"), /Changed Reviewer/);
    await page.keyboard.press("Escape");
    await page.keyboard.press("Control+P");
    await page.locator(".quick-input-widget input").fill("deploy.sh");
    await page.locator(".quick-input-list .monaco-list-row").first().waitFor();
    await page.keyboard.press("Enter");
    const changed = "Record review of rm-recursive-unguarded by Changed Reviewer";
    let seen = "";
    for (let attempt = 0; attempt < 30 && !seen.includes(changed); attempt += 1) {
      await page.locator(".monaco-editor .view-line", { hasText: /rm\s-rf/ }).first().click();
      await page.keyboard.press("Control+.");
      const widget = page.locator(".action-widget").first();
      await widget.waitFor();
      await page.waitForTimeout(300);
      seen = await widget.innerText();
      await page.keyboard.press("Escape");
      if (!seen.includes(changed)) await page.waitForTimeout(500);
    }
    assert.ok(seen.includes(changed), `code actions after the change: ${seen}`);
    done();
  } catch (error) {
    await page.screenshot({ path: "/tmp/blast-radius-e2e-failure.png" }).catch(() => {});
    console.error("FAIL", error, "\n(screenshot: /tmp/blast-radius-e2e-failure.png)");
    process.exitCode = 1;
  } finally {
    await browser.close();
  }
})();

// Puts the hover and the code-action screenshots side by side in one image.
async function compose(browser, shots, out) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  const images = shots
    .map((png) => `<img style="display:block;width:1280px;margin-bottom:8px" src="data:image/png;base64,${png.toString("base64")}">`)
    .join("");
  await page.setContent(`<body style="margin:0;background:#1e1e1e">${images}</body>`);
  await page.screenshot({ path: out, fullPage: true });
  await page.close();
}
