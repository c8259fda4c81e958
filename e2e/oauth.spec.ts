import { expect, test } from "@playwright/test";
import { getDb } from "../lib/db";
import { systemActor } from "../lib/auth/actor";
import { addConsent } from "../lib/consent/mutations";
import { createGroup, createGroupWithMembers, createUser, TEST_PASSWORD } from "../lib/testing/factories";
import { createTestApp } from "../lib/testing/app-factories";
import { signIn, snapshot } from "./helpers";
import { startTestApp, type TestApp } from "./support/oauth-test-app";

let testApp: TestApp;
test.beforeEach(async ({ baseURL }) => {
  testApp = await startTestApp(`${baseURL}/oidc`);
});
test.afterEach(async () => testApp.close());

// An organization with two groups where the app is installed, a member of
// both, and a project in each.
async function seedTwoGroups() {
  const world = await createGroupWithMembers();
  const second = await createGroup(world.organization.id, "Launch");
  await getDb().membership.create({ data: { userId: world.member.id, groupId: second.id, role: "MEMBER" } });
  const { app, clientSecret } = await createTestApp(systemActor(), world.group.slug, {
    name: `Roadmap Viewer ${second.slug}`,
    availability: "ORGANIZATION",
    redirectUris: [{ uri: testApp.redirectUri }],
    scopes: ["openid", "profile", "group:read", "projects:read"],
  });
  testApp.configure({ clientId: app.clientId, clientSecret });
  for (const group of [world.group, second]) await addConsent(systemActor(), group.slug, { clientId: app.clientId });
  await getDb().project.create({ data: { groupId: world.group.id, name: "Alpha roadmap" } });
  await getDb().project.create({ data: { groupId: second.id, name: "Beta launch" } });
  return { ...world, second, app };
}

test("a member picks a group on the consent screen and the app sees that group's projects", async ({ page }) => {
  const { member, second, app } = await seedTwoGroups();
  await signIn(page, member.email, TEST_PASSWORD);
  await page.waitForURL(/\/g\//);

  await page.goto(`${testApp.origin}/start`);
  await expect(page.getByRole("heading", { name: `Allow ${app.name} to access Tessera?` })).toBeVisible();
  await expect(page.getByTestId("redirect-host")).toHaveText(new URL(testApp.origin).host);
  await expect(page.getByRole("radio")).toHaveCount(2);
  await expect(page.getByRole("checkbox", { name: "Read projects" })).toBeChecked();
  await page.getByRole("radio", { name: new RegExp(second.name) }).check();
  await snapshot(page, "consent-screen");
  await page.getByRole("button", { name: "Allow" }).click();

  await expect(page.locator("#group")).toHaveText(second.name);
  await expect(page.locator("#projects")).toHaveText("Beta launch");

  // Unchanged requests skip the screen; the grant keeps its group.
  await page.goto(`${testApp.origin}/start`);
  await expect(page.locator("#group")).toHaveText(second.name);

  await page.goto("/account/apps");
  await expect(page.getByTestId("connected-app")).toContainText(`${app.name} in ${second.name}`);
  await snapshot(page, "connected-apps");
});

test("Deny sends access_denied back to the app", async ({ page }) => {
  const { member } = await seedTwoGroups();
  await signIn(page, member.email, TEST_PASSWORD);
  await page.waitForURL(/\/g\//);
  await page.goto(`${testApp.origin}/start`);
  await page.getByRole("button", { name: "Deny" }).click();
  await expect(page.locator("#error")).toHaveText("access_denied");
});

test("a user with no group where the app is installed gets an explanation", async ({ page }) => {
  await seedTwoGroups();
  const { group } = await createGroupWithMembers();
  const loner = await createUser([[group.id, "MEMBER"]]);
  await signIn(page, loner.email, TEST_PASSWORD);
  await page.waitForURL(/\/g\//);
  await page.goto(`${testApp.origin}/start`);
  await expect(page.getByRole("heading", { name: /isn't enabled for your groups yet/ })).toBeVisible();
  await snapshot(page, "consent-no-group");
  await page.getByRole("button", { name: "Return to the app" }).click();
  await expect(page.locator("#error")).toHaveText("access_denied");
});

test("a signed-out person signs in first and lands on the consent screen", async ({ page }) => {
  const { member, app } = await seedTwoGroups();
  await page.goto(`${testApp.origin}/start`);
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Finteraction%2F/);
  await page.getByLabel("Email").fill(member.email);
  await page.getByLabel("Password").fill(TEST_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: `Allow ${app.name} to access Tessera?` })).toBeVisible();
});
