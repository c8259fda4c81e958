import { expect, test } from "@playwright/test";
import { createGroupWithMembers, TEST_PASSWORD } from "../lib/testing/factories";
import { signIn, signInAndLand, snapshot } from "./helpers";

test("the switcher lists only the user's groups and switches between them", async ({ page }) => {
  await signInAndLand(page, "bob@acme.test", "Engineering");
  await page.getByRole("button", { name: "Switch group" }).click();
  const menu = page.getByRole("menu");
  await expect(menu.getByRole("menuitem")).toHaveText([/Engineering/, /Marketing/]);
  await snapshot(page, "group-switcher");
  await menu.getByRole("menuitem", { name: /Marketing/ }).click();
  await expect(page).toHaveURL(/\/g\/marketing$/);
  await expect(page.getByTestId("group-name")).toHaveText("Marketing");
});

test("a group the user is not a member of is a 404, decided on the server", async ({ page }) => {
  await signInAndLand(page, "ada@acme.test", "Engineering");
  for (const path of ["/g/globex-ops", "/g/marketing", "/g/marketing/settings/members", "/g/no-such-group"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  }
  await snapshot(page, "not-found");
});

test("a freshly created group shows its own members and settings", async ({ page }) => {
  const { group, admin, member } = await createGroupWithMembers();
  await signIn(page, member.email, TEST_PASSWORD);
  await expect(page).toHaveURL(new RegExp(`/g/${group.slug}$`));
  await expect(page.getByRole("heading", { name: "Recent activity" })).toHaveCount(0);
  await page.getByRole("link", { name: "Settings" }).click();
  await expect(page.getByText(group.id)).toBeVisible();
  await snapshot(page, "group-settings");
  await page.getByRole("link", { name: "Members", exact: true }).click();
  await expect(page.getByRole("cell", { name: new RegExp(admin.name) })).toBeVisible();
  await expect(page.getByRole("row")).toHaveCount(4);
  await snapshot(page, "group-members");
});
