import { expect, test, type Page } from "@playwright/test";
import { randomBytes } from "node:crypto";
import { signInAndLand, snapshot } from "./helpers";

const unique = (name: string) => `${name} ${randomBytes(3).toString("hex")}`;

async function openBuildYourOwn(page: Page) {
  await page.goto("/g/engineering/settings/apps");
  await page.getByRole("link", { name: "Build your own" }).click();
  await expect(page.getByRole("heading", { name: "Build your own" })).toBeVisible();
}

async function registerApp(page: Page, name: string, options: { type?: "Confidential" | "Public"; redirectUri?: string } = {}) {
  await openBuildYourOwn(page);
  await page.getByLabel("App name").fill(name);
  if (options.type === "Public") await page.getByRole("radio", { name: "Public" }).check();
  await page.getByLabel("Redirect URI 1", { exact: true }).fill(options.redirectUri ?? "https://app.example.com/oauth/callback");
  await page.getByRole("button", { name: "Register app" }).click();
  await expect(page.getByRole("heading", { name: `${name} is registered` })).toBeVisible();
}

test.describe("an Engineering admin", () => {
  test.beforeEach(async ({ page, context }) => {
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
    await signInAndLand(page, "ada@acme.test", "Engineering");
  });

  test("registers a confidential app and sees its secret exactly once", async ({ page }) => {
    const name = unique("Timesheets");
    await openBuildYourOwn(page);
    await snapshot(page, "app-form");
    await page.getByLabel("App name").fill(name);
    await page.getByLabel("Description").fill("Tracks time against work items.");
    await page.getByLabel("Redirect URI 1", { exact: true }).fill("https://timesheets.example.com/callback");
    await page.getByRole("button", { name: "Add another URI" }).click();
    await page.getByLabel("Redirect URI 2", { exact: true }).fill("http://localhost:8080/callback");
    await page.getByRole("checkbox", { name: "Manage work items" }).check();
    await page.getByLabel("Webhook URL").fill("https://timesheets.example.com/hooks");
    await page.getByRole("checkbox", { name: /Is Mentionable/ }).check();
    await page.getByRole("button", { name: "Register app" }).click();

    await expect(page.getByRole("heading", { name: `${name} is registered` })).toBeVisible();
    const clientId = (await page.getByTestId("client-id").textContent())!;
    const secret = (await page.getByTestId("client-secret").textContent())!;
    expect(clientId).toMatch(/^[0-9a-f]{32}$/);
    expect(secret).toMatch(/^tsk_[A-Za-z0-9_-]{43}$/);
    await expect(page.getByText("It will not be shown again")).toBeVisible();
    await snapshot(page, "app-created");

    await page.getByRole("button", { name: "Copy Client Secret" }).click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(secret);
    await page.getByRole("button", { name: "Copy Client ID" }).click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(clientId);

    await page.reload();
    await expect(page).toHaveURL(new RegExp(`/g/engineering/settings/apps/${clientId}$`));
    await expect(page.getByTestId("app-name")).toHaveText(name);
    await expect(page.getByTestId("secret-row")).toHaveText(new RegExp(`…${secret.slice(-4)}`));
    expect(await page.content()).not.toContain(secret);
    await expect(page.getByText("Mentionable", { exact: true })).toBeVisible();
    await expect(page.getByRole("list", { name: "App activity" })).toContainText("registered the app");
    await snapshot(page, "app-details");
  });

  test("registers a public app, which has no secret", async ({ page }) => {
    const name = unique("Browser Extension");
    await registerApp(page, name, { type: "Public" });
    await expect(page.getByTestId("client-secret")).toHaveCount(0);
    await expect(page.getByText("This is a public client: it has no Client Secret")).toBeVisible();
    await page.getByRole("link", { name: "Go to app settings" }).click();
    await expect(page.getByText("The app must use PKCE (S256)")).toBeVisible();
  });

  test("is told inline what is wrong with a redirect URI, and nothing is saved", async ({ page }) => {
    const name = unique("Broken");
    await openBuildYourOwn(page);
    await page.getByLabel("App name").fill(name);
    const cases: [string, RegExp][] = [
      ["http://app.example.com/callback", /Use https:\/\/ \(http:\/\/ is allowed only for localhost/],
      ["https://*.example.com/callback", /Wildcards are not allowed/],
      ["https://app.example.com/callback#done", /cannot contain a fragment/],
      ["/relative/callback", /Enter an absolute URL/],
    ];
    for (const [uri, message] of cases) {
      await page.getByLabel("Redirect URI 1", { exact: true }).fill(uri);
      await page.getByRole("button", { name: "Register app" }).click();
      await expect(page.getByText(message)).toBeVisible();
    }
    await snapshot(page, "app-form-errors");
    await page.goto("/g/engineering/settings/apps");
    await expect(page.getByRole("list", { name: "App registrations" })).not.toContainText(name);
  });

  test("edits settings, rotates and revokes secrets, then deletes the app", async ({ page }) => {
    page.on("dialog", (dialog) => dialog.accept());
    const name = unique("Rotator");
    await registerApp(page, name);
    await page.getByRole("link", { name: "Go to app settings" }).click();

    await page.getByLabel("Description").fill("Now with a description.");
    await page.getByRole("button", { name: "Save changes" }).click();
    await expect(page.getByRole("status")).toHaveText("Changes saved.");

    const rows = page.getByTestId("secret-row");
    await expect(rows).toHaveCount(1);
    await page.getByRole("button", { name: "Generate new secret" }).click();
    const fresh = (await page.getByTestId("new-client-secret").textContent())!;
    expect(fresh).toMatch(/^tsk_/);
    await expect(rows).toHaveCount(2);
    await expect(page.getByRole("button", { name: "Generate new secret" })).toBeDisabled();

    await rows.filter({ hasNotText: fresh.slice(-4) }).getByRole("button", { name: "Revoke" }).click();
    await expect(rows.filter({ hasText: "Revoked" })).toHaveCount(1);
    await rows.filter({ hasText: fresh.slice(-4) }).getByRole("button", { name: "Revoke" }).click();
    await expect(page.getByTestId("form-error")).toHaveText(/only live secret/);

    await page.reload();
    await expect(page.getByRole("list", { name: "App activity" })).toContainText("revoked a client secret");
    await page.getByLabel(`Type “${name}” to confirm`).fill(name);
    await page.getByRole("button", { name: "Delete app" }).click();
    await expect(page.getByRole("status")).toHaveText(`“${name}” was deleted.`);
    await expect(page.getByRole("list", { name: "App registrations" })).not.toContainText(name);
  });
});

test("members and viewers cannot reach the form or manage apps", async ({ page }) => {
  await signInAndLand(page, "bob@acme.test", "Engineering");
  await page.goto("/g/engineering/settings/apps");
  await expect(page.getByRole("list", { name: "App registrations" })).toContainText("Deploy Bot");
  await expect(page.getByRole("link", { name: "Build your own" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Manage" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Add Consent" })).toHaveCount(0);
  const form = await page.goto("/g/engineering/settings/apps/new");
  expect(form?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "Not allowed" })).toBeVisible();
});
