import { expect, test } from "@playwright/test";
import { getDb } from "../lib/db";
import { userActor } from "../lib/auth/actor";
import { addConsent } from "../lib/consent/mutations";
import { actorFromMember } from "../lib/projects/actor";
import { createProject } from "../lib/projects/mutations";
import { createWorkItem } from "../lib/projects/work-item-mutations";
import { createGroupWithMembers, TEST_PASSWORD, uniqueSuffix } from "../lib/testing/factories";
import { createTestApp } from "../lib/testing/app-factories";
import { signIn, snapshot } from "./helpers";

// "Is Mentionable": an admin installs an agent app, assigns it a work item and
// @mentions it in a comment; an installed app that is not mentionable is
// never offered, and the server refuses it even when a form is tampered with.
async function seed() {
  const world = await createGroupWithMembers();
  const admin = userActor(world.admin);
  const suffix = uniqueSuffix();
  const scopes = ["openid", "profile", "work_items:read", "work_items:write"] as const;
  const { app: agent } = await createTestApp(admin, world.group.slug, { name: `Claude ${suffix}`, isMentionable: true, scopes: [...scopes] });
  const { app: quiet } = await createTestApp(admin, world.group.slug, { name: `Quiet Sync ${suffix}`, isMentionable: false, scopes: [...scopes] });
  await addConsent(admin, world.group.slug, { clientId: quiet.clientId });
  const member = actorFromMember(world.admin.id, { id: world.group.id, role: "ADMIN" });
  const project = await createProject(member, { name: "Agents at work", description: "Work shared with the group's apps" });
  const item = await createWorkItem(member, project.id, { title: "Triage the inbox", description: "Sort new reports by area." });
  const quietBot = await getDb().botUser.findFirstOrThrow({ where: { appId: quiet.id, groupId: world.group.id } });
  return { ...world, agent, quiet, quietBot, project, item };
}

test("an admin installs a mentionable app, assigns a work item to its bot and @mentions it", async ({ page }) => {
  const { group, admin, agent, quiet, quietBot, project, item } = await seed();
  const botName = `${agent.name} (bot)`;
  await signIn(page, admin.email, TEST_PASSWORD);
  await expect(page.getByTestId("group-name")).toHaveText(group.name);

  // Group settings → Apps → Browse App Registrations → Add Consent.
  await page.getByRole("link", { name: "Settings" }).click();
  await page.getByRole("link", { name: "Apps", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Browse App Registrations" })).toBeVisible();
  await page.getByRole("link", { name: "Group", exact: true }).click();
  const registration = page.getByRole("list", { name: "App registrations" }).getByTestId("registration").filter({ hasText: agent.name });
  await registration.getByRole("button", { name: "Add Consent" }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog).toContainText(`Enable ${agent.name} for ${group.name}?`);
  await dialog.getByRole("button", { name: "Confirm consent" }).click();
  await expect(dialog).toContainText(`${agent.name} is enabled for ${group.name}`);
  await dialog.getByRole("button", { name: "Done" }).click();
  await expect(page.getByRole("list", { name: "Installed apps" }).getByTestId("installation").filter({ hasText: agent.name })).toContainText(botName);

  // The project's work item: the picker offers the agent, not the quiet app.
  await page.getByRole("link", { name: "Projects" }).click();
  await page.getByRole("link", { name: project.name }).click();
  await page.getByRole("link", { name: item.title }).click();
  const editor = page.getByRole("form", { name: "Edit work item" });
  const picker = editor.getByLabel("Assignee");
  await expect(picker.locator('optgroup[label="Apps"] option')).toHaveText([botName]);
  await expect(picker.locator("option", { hasText: quiet.name })).toHaveCount(0);
  await expect(picker.locator('optgroup[label="People"] option')).toHaveCount(3);

  await picker.selectOption({ label: botName });
  await editor.getByRole("button", { name: "Save work item" }).click();
  await expect(editor.getByRole("status")).toHaveText("Saved.");
  const assignee = page.getByTestId("work-item-assignee");
  await expect(assignee).toContainText(botName);
  await expect(assignee.getByTestId("bot-badge")).toHaveText(/bot/i);
  const row = page.getByRole("table", { name: "Work items" }).getByRole("row").filter({ hasText: item.title });
  await expect(row).toContainText(botName);
  await expect(row.getByTestId("bot-badge")).toBeVisible();
  await snapshot(page, "work-item-bot-assignee");

  // @ suggests members and the agent; typing narrows it; Enter picks.
  const comment = page.getByRole("form", { name: "Add a comment" }).getByLabel("Comment");
  await comment.click();
  await comment.pressSequentially("Over to @");
  const suggestions = page.getByRole("listbox", { name: "Mention suggestions" });
  await expect(suggestions.getByRole("option", { name: botName })).toBeVisible();
  await expect(suggestions.getByRole("option", { name: admin.name })).toBeVisible();
  await expect(suggestions.getByRole("option", { name: quiet.name })).toHaveCount(0);
  await expect(suggestions.getByRole("option")).toHaveCount(4);
  // Arrow keys move the highlight (wrapping); people come first, then apps.
  await comment.press("ArrowUp");
  const agentOption = suggestions.getByRole("option", { name: botName });
  await expect(agentOption).toHaveAttribute("aria-selected", "true");
  await expect(comment).toHaveAttribute("aria-activedescendant", (await agentOption.getAttribute("id"))!);
  await snapshot(page, "mention-suggestions");
  await comment.press("ArrowDown");
  await expect(agentOption).toHaveAttribute("aria-selected", "false");
  await comment.pressSequentially(agent.name.slice(0, 3));
  await expect(suggestions.getByRole("option")).toHaveCount(1);
  await expect(agentOption).toHaveAttribute("aria-selected", "true");
  await snapshot(page, "mention-suggestions-filtered");
  await comment.press("Enter");
  await expect(suggestions).toHaveCount(0);
  await expect(comment).toHaveValue(`Over to @${botName} `);
  await comment.pressSequentially("please sort these.");
  await page.getByRole("button", { name: "Comment", exact: true }).click();

  const thread = page.getByRole("list", { name: "Comments" });
  const mention = thread.locator('[data-mention="bot"]');
  await expect(mention).toHaveText(`@${botName}`);
  await expect(thread).toContainText(`Over to @${botName} please sort these.`);
  await expect(thread).not.toContainText("](bot:");
  await snapshot(page, "mention-in-thread");

  // The app got one event for the assignment and one for the mention.
  const installation = await getDb().installation.findFirstOrThrow({ where: { appId: agent.id, groupId: group.id, status: "INSTALLED" } });
  const events = await getDb().auditEvent.findMany({ where: { groupId: group.id, action: { in: ["app.assigned", "app.mentioned"] } } });
  expect(events.map((event) => [event.action, event.targetId]).sort()).toEqual([
    ["app.assigned", installation.id],
    ["app.mentioned", installation.id],
  ]);

  // A tampered picker offering the quiet app's bot is refused by the server.
  await picker.evaluate((select, key) => {
    const option = document.createElement("option");
    option.value = key;
    option.textContent = "Tampered";
    select.append(option);
  }, `bot:${quietBot.id}`);
  await picker.selectOption(`bot:${quietBot.id}`);
  await editor.getByRole("button", { name: "Save work item" }).click();
  await expect(editor.getByTestId("form-error")).toContainText("mentionable app");
  expect((await getDb().workItem.findUniqueOrThrow({ where: { id: item.id } })).assigneeBotId).not.toBe(quietBot.id);
});
