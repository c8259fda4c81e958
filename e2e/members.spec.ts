import { expect, test } from "@playwright/test";
import { createGroupWithMembers, createUser, TEST_PASSWORD } from "../lib/testing/factories";
import { signIn, snapshot } from "./helpers";

test("an admin adds a member, changes their role and removes them; an unknown email is refused inline", async ({ page }) => {
  const { group, admin } = await createGroupWithMembers();
  const newcomer = await createUser();
  await signIn(page, admin.email, TEST_PASSWORD);
  await page.waitForURL(/\/g\//);
  await page.goto(`/g/${group.slug}/settings/members`);
  const form = page.getByRole("form", { name: "Add member" });

  await form.getByLabel("Email").fill("nobody-here@example.test");
  await form.getByRole("button", { name: "Add member" }).click();
  await expect(form.getByLabel("Email")).toHaveAttribute("aria-invalid", "true");
  await expect(form.getByText("No Tessera account uses this email").first()).toBeVisible();

  await form.getByLabel("Email").fill(newcomer.email);
  await form.getByRole("button", { name: "Add member" }).click();
  await expect(form.getByRole("status")).toHaveText(`Added ${newcomer.name}.`);
  const row = page.getByRole("row").filter({ hasText: newcomer.email });
  await expect(row).toBeVisible();
  await snapshot(page, "members-admin");

  await row.getByLabel(`Role of ${newcomer.name}`).selectOption("VIEWER");
  await page.reload();
  await expect(page.getByRole("row").filter({ hasText: newcomer.email }).getByLabel(`Role of ${newcomer.name}`)).toHaveValue("VIEWER");

  await page.getByRole("row").filter({ hasText: newcomer.email }).getByRole("button", { name: `Remove ${newcomer.name}` }).click();
  await page.getByRole("dialog", { name: `Remove ${newcomer.name}` }).getByRole("button", { name: "Remove member" }).click();
  await expect(page.getByRole("row").filter({ hasText: newcomer.email })).toHaveCount(0);
});

test("members see the list read-only", async ({ page }) => {
  const { group, member } = await createGroupWithMembers();
  await signIn(page, member.email, TEST_PASSWORD);
  await page.waitForURL(/\/g\//);
  await page.goto(`/g/${group.slug}/settings/members`);
  await expect(page.getByRole("row")).toHaveCount(4);
  await expect(page.getByRole("form", { name: "Add member" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /^Remove / })).toHaveCount(0);
});
