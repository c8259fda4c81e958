// A delivery worker in a process of its own, for the crash test: the test
// kills it (SIGKILL) while a delivery is in flight.
import { startWebhookWorker } from "./worker";

const webhookId = process.argv[2];
if (!webhookId) throw new Error("usage: test-crash-worker.ts <webhookId>");
startWebhookWorker({ pollMs: 50, concurrency: 1, workerId: "doomed", webhookIds: [webhookId] });
process.stdout.write("worker started\n");
// Never outlive the test: exit when the parent's end of stdin closes.
process.stdin.resume();
process.stdin.on("close", () => process.exit(0));
process.stdin.on("end", () => process.exit(0));
