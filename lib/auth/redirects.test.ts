import { describe, expect, it } from "vitest";
import { safeCallbackPath } from "./redirects";

describe("post-sign-in redirect target", () => {
  it("keeps same-site paths", () => {
    expect(safeCallbackPath("/g/engineering/settings?tab=apps")).toBe("/g/engineering/settings?tab=apps");
  });

  it.each(["https://evil.test/", "//evil.test", "/\\evil.test", "javascript:alert(1)", "", undefined, 42])(
    "refuses %s",
    (value) => expect(safeCallbackPath(value)).toBe("/"),
  );
});
