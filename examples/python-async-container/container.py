#!/usr/bin/env python3
"""The review-sentiment task container of ../python-container, serving rollouts asynchronously (stdlib only).

Run:  python3 container.py 8081        (port 0 picks a free port; the URL is printed)
Then: ./gepa check http://127.0.0.1:8081

POST /rollout (alias /rollouts) checks the request, queues the rollout and answers 202 with a queued record:
    {"rollout_id": "...", "status": "queued", "success_status": "pending"}
GET /rollouts/{id} gives the record (status queued or running) until the rollout is done, then the whole result
(status completed or failed, the same document the sync container answers). POST /rollouts/{id}/terminate cancels
a rollout that has not finished. /metadata declares capabilities.rollout_modes = ["async"], so a gepa optimizer
polls on its own (no setting needed).

The task itself (data, prompt program, policy, verifier) and every other route come from ../python-container:
change the task there. This file adds only the async layer.
"""
import os
import sys
import threading
from collections import OrderedDict
from concurrent.futures import ThreadPoolExecutor

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "python-container"))
import container as task  # noqa: E402  (the sync example: the task and the contract's plumbing)

WORKERS = int(os.environ.get("ROLLOUT_WORKERS", "8"))  # rollouts running at once; the rest wait as "queued"
REMEMBERED_RECORDS = 10_000


class Records:
    """Submitted rollouts by id: their status, and their result once done (least recently touched dropped first)."""

    def __init__(self, capacity):
        self.capacity, self.records, self.lock = capacity, OrderedDict(), threading.Lock()
        self.pool = ThreadPoolExecutor(max_workers=WORKERS, thread_name_prefix="rollout")

    def submit(self, body):
        task.check_rollout(body)  # refusals are answered now, as in sync mode, never as a failed record
        rollout_id = body.get("rollout_id") or f"rollout_{task.uuid.uuid4().hex}"
        body = {**body, "rollout_id": rollout_id}
        with self.lock:
            if rollout_id in self.records:  # a repeated submission: the same rollout, not a second run
                self.records.move_to_end(rollout_id)
                return self._view(rollout_id)
            self.records[rollout_id] = {"status": "queued"}
            queued = self._view(rollout_id)  # taken now: a quick rollout may be done before we answer
            while len(self.records) > self.capacity:
                self.records.popitem(last=False)
        self.pool.submit(self._run, rollout_id, body)
        return queued

    def _run(self, rollout_id, body):
        with self.lock:
            record = self.records.get(rollout_id)
            if record is None or record["status"] == "cancelled":
                return
            record["status"] = "running"
        result = task.rollout(body)  # never raises for a failing example: that is a result with status failed
        with self.lock:
            record = self.records.get(rollout_id)
            if record is not None and record["status"] != "cancelled":
                record.update(status=result["status"], result=result)

    def poll(self, rollout_id):
        with self.lock:
            if rollout_id not in self.records:
                raise task.ClientMistake(404, "unknown_rollout", f"no rollout '{rollout_id}' was submitted here")
            return self._view(rollout_id)

    def terminate(self, rollout_id):
        with self.lock:
            record = self.records.get(rollout_id)
            if record is None:
                raise task.ClientMistake(404, "unknown_rollout", f"no rollout '{rollout_id}' was submitted here")
            if "result" not in record:
                record["status"] = "cancelled"  # a running policy call finishes, but its result is dropped
            return self._view(rollout_id)

    def _view(self, rollout_id):
        record = self.records[rollout_id]
        if "result" in record:
            return record["result"]
        return {"rollout_id": rollout_id, "status": record["status"],
                "success_status": "cancelled" if record["status"] == "cancelled" else "pending"}


RECORDS = Records(REMEMBERED_RECORDS)


def metadata():
    doc = task.metadata()
    doc["runtime"]["runtime_id"] = "python_review_sentiment_async"
    doc["capabilities"] = {"rollout_modes": ["async"]}
    return doc


class AsyncHandler(task.Handler):
    """The sync example's handler (key check, body limit, refusal of key fields, error shape) with async routes."""

    def _get(self):
        path = self.path.split("?")[0]
        if path in ("/metadata", "/info"):
            return metadata()
        if path.startswith("/rollouts/"):
            return RECORDS.poll(path[len("/rollouts/"):])
        return super()._get()

    def _post(self):
        path = self.path.split("?")[0]
        if path.startswith("/rollouts/") and path.endswith("/terminate"):
            self.rfile.read(int(self.headers.get("Content-Length") or 0))  # keep the connection reusable
            return RECORDS.terminate(path[len("/rollouts/"):-len("/terminate")])
        return super()._post()

    def _send(self, status, document):
        # a queued record answers a submission with 202 Accepted; everything else keeps its status
        queued = self.command == "POST" and status == 200 and document.get("status") == "queued" \
            and self.path.split("?")[0] in ("/rollout", "/rollouts")
        super()._send(202 if queued else status, document)


task.POST_ROUTES["/rollout"] = RECORDS.submit
task.POST_ROUTES["/rollouts"] = RECORDS.submit


if __name__ == "__main__":
    task.main(AsyncHandler, default_port=8081)
