import { expect, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "tessera-demo";

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto("/signin");
  await submitSignIn(page, email, password);
}

// Fills and sends the sign-in form already on the page.
export async function submitSignIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

export async function signInAndLand(page: Page, email: string, groupName: string) {
  await signIn(page, email);
  await expect(page.getByTestId("group-name")).toHaveText(groupName);
}

// Screenshots of new screens are kept with the test output for review.
export async function snapshot(page: Page, name: string) {
  await page.screenshot({ path: `test-results/screenshots/${name}.png`, fullPage: true });
}
