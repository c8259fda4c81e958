import { expect, test } from "@playwright/test";
import { createUser, TEST_PASSWORD } from "../lib/testing/factories";
import { signIn, signInAndLand, snapshot, submitSignIn } from "./helpers";

test("an admin signs in and lands on their group", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2F$/);
  await expect(page.getByRole("heading", { name: "Sign in to Tessera" })).toBeVisible();
  await snapshot(page, "sign-in");

  await signInAndLand(page, "ada@acme.test", "Engineering");
  await expect(page).toHaveURL(/\/g\/engineering$/);
  await expect(page.getByTestId("signed-in-user")).toContainText("ada@acme.test");
  await expect(page.getByText("Admin", { exact: true }).first()).toBeVisible();
  await expect(page.getByRole("heading", { name: "Recent activity" })).toBeVisible();
  await snapshot(page, "group-home");
});

test("a wrong password and an unknown email get the same message", async ({ page }) => {
  const user = await createUser();
  await signIn(page, user.email, "not-the-password");
  await expect(page.getByTestId("form-error")).toHaveText("Incorrect email or password.");
  await snapshot(page, "sign-in-error");
  await signIn(page, "nobody@nowhere.test", TEST_PASSWORD);
  await expect(page.getByTestId("form-error")).toHaveText("Incorrect email or password.");
  await expect(page).toHaveURL(/\/signin/);
});

test("the form checks its fields before sending", async ({ page }) => {
  await page.goto("/signin");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("Enter your email address")).toBeVisible();
  await expect(page.getByText("Enter your password")).toBeVisible();
});

test("repeated failures lock the email for a while", async ({ page }) => {
  const user = await createUser();
  for (let i = 0; i < 5; i++) {
    await signIn(page, user.email, `wrong-${i}`);
    await expect(page.getByTestId("form-error")).toBeVisible();
  }
  await signIn(page, user.email, TEST_PASSWORD);
  await expect(page.getByTestId("form-error")).toContainText("Too many sign-in attempts. Try again in 15 minutes.");
});

test("a signed-out visitor is sent to sign in and brought back", async ({ page }) => {
  await page.goto("/g/marketing/settings/members");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fg%2Fmarketing%2Fsettings%2Fmembers/);
  await submitSignIn(page, "bob@acme.test");
  await expect(page).toHaveURL(/\/g\/marketing\/settings\/members$/);
  await expect(page.getByRole("heading", { name: "Members" })).toBeVisible();
  await expect(page.getByRole("cell", { name: /^Bob Builder \(you\)/ })).toBeVisible();
});

test("sign-out ends the session", async ({ page }) => {
  await signInAndLand(page, "vic@acme.test", "Engineering");
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin/);
  await page.goto("/g/engineering");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=/);
});
