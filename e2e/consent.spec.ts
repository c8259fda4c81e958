import { expect, test, type Page } from "@playwright/test";
import { signInAndLand, snapshot } from "./helpers";

const registrations = (page: Page) => page.getByRole("list", { name: "App registrations" });
const openTab = (page: Page, group: string, tab: string) => page.goto(`/g/${group}/settings/apps?tab=${tab}`);

test("an Engineering admin browses every tab, searches, adds and removes consent", async ({ page }) => {
  await signInAndLand(page, "ada@acme.test", "Engineering");
  await openTab(page, "engineering", "group");
  await expect(registrations(page)).toContainText("Deploy Bot");
  await expect(registrations(page)).toContainText("Acme Timesheets");
  await page.getByRole("link", { name: "Organization", exact: true }).click();
  await expect(page).toHaveURL(/tab=organization/);
  await expect(registrations(page).getByTestId("registration")).toHaveCount(1);
  await expect(registrations(page)).toContainText("Acme Timesheets");
  await page.getByRole("link", { name: "Global", exact: true }).click();
  await expect(registrations(page)).toContainText("Claude");
  await expect(registrations(page).getByTestId("registration").filter({ hasText: "Postman" })).toContainText("Verified");
  await snapshot(page, "browse-global");

  await page.getByRole("searchbox", { name: "Search apps by name" }).fill("post");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/tab=global&q=post/);
  await expect(registrations(page).getByTestId("registration")).toHaveCount(1);

  const postman = registrations(page).getByTestId("registration").filter({ hasText: "Postman" });
  await postman.getByRole("button", { name: "Add Consent" }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog).toContainText("Enable Postman for Engineering?");
  await dialog.getByRole("checkbox", { name: "Manage work items" }).uncheck();
  await dialog.getByRole("checkbox", { name: "Manage projects" }).uncheck();
  await snapshot(page, "add-consent");
  await dialog.getByRole("button", { name: "Confirm consent" }).click();
  await expect(dialog).toContainText("Postman is enabled for Engineering");
  await dialog.getByRole("button", { name: "Done" }).click();

  const installation = page.getByRole("list", { name: "Installed apps" }).getByTestId("installation").filter({ hasText: "Postman" });
  await expect(installation).toContainText("Consent added by Ada Lovelace");
  await expect(installation).toContainText("Postman (bot)");
  await expect(installation.getByRole("list", { name: "Permissions" })).toContainText("Read work items");
  await expect(installation.getByRole("list", { name: "Permissions" })).not.toContainText("Manage work items");
  await expect(postman).toContainText("Installed");
  await snapshot(page, "installed-apps");

  await installation.getByRole("button", { name: "Remove consent" }).click();
  await page.getByRole("dialog", { name: "Remove consent for Postman" }).getByRole("button", { name: "Remove consent" }).click();
  // Other tests may have installed other apps in Engineering meanwhile.
  await expect(page.getByTestId("installation").filter({ hasText: "Postman" })).toHaveCount(0);
  await expect(postman.getByRole("button", { name: "Add Consent" })).toBeVisible();
});

test("an app with a Setup URL offers to continue setup after consent", async ({ page }) => {
  await signInAndLand(page, "ada@acme.test", "Engineering");
  await openTab(page, "engineering", "organization");
  await registrations(page).getByRole("button", { name: "Add Consent" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Confirm consent" }).click();
  const setup = page.getByRole("dialog").getByRole("link", { name: "Continue setup" });
  await expect(setup).toHaveAttribute("href", "https://timesheets.acme.test/install");
});

test("a Marketing admin sees the Organization app but not Engineering's Group app", async ({ page }) => {
  await signInAndLand(page, "bob@acme.test", "Engineering");
  await openTab(page, "marketing", "organization");
  await expect(registrations(page)).toContainText("Acme Timesheets");
  await expect(registrations(page).getByRole("button", { name: "Add Consent" })).toBeVisible();
  await openTab(page, "marketing", "group");
  await expect(page.getByText("This group has not registered an app yet.")).toBeVisible();
  await openTab(page, "marketing", "global");
  await expect(registrations(page)).not.toContainText("Deploy Bot");
  await expect(registrations(page)).toContainText("Claude");
});

test("a Globex admin sees neither Acme app", async ({ page }) => {
  await signInAndLand(page, "gil@globex.test", "Globex Ops");
  for (const tab of ["group", "organization", "global"]) {
    await openTab(page, "globex-ops", tab);
    await expect(page.locator("main")).not.toContainText("Acme Timesheets");
    await expect(page.locator("main")).not.toContainText("Deploy Bot");
  }
  await expect(registrations(page)).toContainText("Postman");
});

test("a viewer sees the panel without consent buttons", async ({ page }) => {
  await signInAndLand(page, "vic@acme.test", "Engineering");
  await openTab(page, "engineering", "global");
  await expect(registrations(page)).toContainText("Claude");
  await expect(page.getByRole("button", { name: "Add Consent" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Remove consent" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Build your own" })).toHaveCount(0);
});
