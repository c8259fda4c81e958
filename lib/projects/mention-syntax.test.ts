import { describe, expect, it } from "vitest";
import {
  activeMentionQuery,
  encodeMentions,
  matchMentionables,
  mentionToken,
  mentionsAsText,
  mentionsIn,
  splitMentions,
} from "./mention-syntax";

const claude = { type: "bot" as const, id: "b0t-1", name: "Claude (bot)" };
const ada = { type: "user" as const, id: "user_ada", name: "Ada Lovelace" };
const adam = { type: "user" as const, id: "user_adam", name: "Ada" };

describe("mention tokens", () => {
  it("writes and reads user and bot tokens", () => {
    expect(mentionToken(claude)).toBe("@[Claude (bot)](bot:b0t-1)");
    expect(mentionToken({ ...ada, name: "Ada [admin]\nLovelace" })).toBe("@[Ada admin Lovelace](user:user_ada)");
    const body = `Hi ${mentionToken(ada)}, can ${mentionToken(claude)} take this? cc ${mentionToken(ada)}`;
    expect(mentionsIn(body)).toEqual([ada, claude]);
    expect(splitMentions(body)).toEqual([
      { kind: "text", text: "Hi " },
      { kind: "mention", mention: ada },
      { kind: "text", text: ", can " },
      { kind: "mention", mention: claude },
      { kind: "text", text: " take this? cc " },
      { kind: "mention", mention: ada },
    ]);
    expect(mentionsAsText(body)).toBe("Hi @Ada Lovelace, can @Claude (bot) take this? cc @Ada Lovelace");
  });

  it("ignores text that only looks like a token", () => {
    for (const body of ["@[Ada](team:x)", "@[Ada](user:)", "@[](user:abc)", "[Ada](user:abc)", "@[Ada](user:a b)", "@Ada", "mail ada@example.com"]) {
      expect(mentionsIn(body)).toEqual([]);
      expect(splitMentions(body)).toEqual([{ kind: "text", text: body }]);
    }
  });
});

describe("the comment form's side", () => {
  it("turns picked names into tokens, longest name first, and leaves the rest alone", () => {
    const text = "@Ada Lovelace and @Ada, ask @Claude (bot). Not @Adamant, not ada@Ada, not @Bob.";
    expect(encodeMentions(text, [adam, ada, claude])).toBe(
      "@[Ada Lovelace](user:user_ada) and @[Ada](user:user_adam), ask @[Claude (bot)](bot:b0t-1). Not @Adamant, not ada@Ada, not @Bob.",
    );
    expect(encodeMentions("@Ada Lovelace", [])).toBe("@Ada Lovelace");
    expect(encodeMentions("@Claude (bot)", [claude])).toBe(mentionToken(claude));
  });

  it("finds the @query before the caret", () => {
    expect(activeMentionQuery("Hi @Cla", 7)).toEqual({ start: 3, query: "Cla" });
    expect(activeMentionQuery("@", 1)).toEqual({ start: 0, query: "" });
    expect(activeMentionQuery("Hi @Claude (b", 13)).toEqual({ start: 3, query: "Claude (b" });
    expect(activeMentionQuery("(@ad", 4)).toEqual({ start: 1, query: "ad" });
    expect(activeMentionQuery("mail ada@ex", 11)).toBeNull();
    expect(activeMentionQuery("Hi @ Claude", 11)).toBeNull();
    expect(activeMentionQuery("Hi @Cla\nude", 11)).toBeNull();
    expect(activeMentionQuery("Hi there", 8)).toBeNull();
    expect(activeMentionQuery("Hi @Cla", 3)).toBeNull();
  });

  it("suggests names starting with the query first, then names with a word starting with it", () => {
    const options = [ada, adam, claude, { type: "user" as const, id: "u3", name: "Grace Adams" }];
    expect(matchMentionables(options, "").map((o) => o.name)).toEqual(["Ada Lovelace", "Ada", "Claude (bot)", "Grace Adams"]);
    expect(matchMentionables(options, "ad").map((o) => o.name)).toEqual(["Ada Lovelace", "Ada", "Grace Adams"]);
    expect(matchMentionables(options, "BOT").map((o) => o.name)).toEqual(["Claude (bot)"]);
    expect(matchMentionables(options, "ada l").map((o) => o.name)).toEqual(["Ada Lovelace"]);
    expect(matchMentionables(options, "zz")).toEqual([]);
  });
});
