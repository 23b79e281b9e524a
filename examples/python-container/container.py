#!/usr/bin/env python3
"""A gepa task container in plain Python 3 (standard library only).

Task: label a short product review as "positive" or "negative".
Run:  python3 container.py 8080        (port 0 picks a free port; the URL is printed)
Then: ./gepa check http://127.0.0.1:8080

The container speaks the public GEPA container contract ("synth_optimizers.gepa.v2"):
GET /health, /metadata (/info), /task_info, /program, /dataset; POST /dataset/rows, /rollout (/rollouts).
Copy this file and change the four task parts marked TASK below.
"""
import hmac
import json
import os
import random
import sys
import threading
import traceback
import urllib.request
import uuid
from collections import OrderedDict
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

CONTRACT_VERSION = "synth_optimizers.gepa.v2"
MAX_BODY_BYTES = 1 << 20
REMEMBERED_ROLLOUTS = 10_000

# ---------------------------------------------------------------- TASK 1: the data
REVIEWS = [
    ("Arrived quickly and works exactly as described.", "positive"),
    ("The battery died after two days.", "negative"),
    ("Not bad at all for the price.", "positive"),
    ("Not good, the lid cracked in the first week.", "negative"),
    ("I love how light it is.", "positive"),
    ("Terrible customer service, nobody answered.", "negative"),
    ("The colours are great and the fabric is soft.", "positive"),
    ("It is not worth the money.", "negative"),
    ("Never had a problem with it, great buy.", "positive"),
    ("Broke the first time I used it.", "negative"),
    ("I was not disappointed.", "positive"),
    ("The manual is useless and the app crashes.", "negative"),
    ("Excellent sound, my kids love it.", "positive"),
    ("Not happy: it smells of plastic.", "negative"),
    ("Works great in the cold too.", "positive"),
    ("Awful fit, I had to return it.", "negative"),
    ("Could not be happier with this kettle.", "positive"),
    ("The zipper is bad and the seams are loose.", "negative"),
    ("Sturdy, simple and great value.", "positive"),
    ("I would not recommend it to anyone.", "negative"),
    ("Not a single scratch after a year, love it.", "positive"),
    ("Poor quality, the handle fell off.", "negative"),
    ("Setup took two minutes, excellent.", "positive"),
    ("It does not work with my phone, useless.", "negative"),
]


def _split_rows():
    order = list(range(len(REVIEWS)))
    random.Random(7).shuffle(order)  # a fixed seed: the same split on every machine
    train, test = order[:16], order[16:]
    return {"train": [REVIEWS[i] for i in train], "test": [REVIEWS[i] for i in test]}


SPLITS = _split_rows()

# ---------------------------------------------------------------- TASK 2: the prompt program
SEED_PROMPT = "Read the review and answer with one word: positive or negative."
PROGRAM = {
    "version": "prompt_program.v1",
    "program_id": "review_sentiment",
    "modules": [{"module_id": "classifier_system", "role": "system", "content": SEED_PROMPT,
                 "mutable": True, "candidate_field": "classifier_system"}],
    "seed_candidate": {"classifier_system": SEED_PROMPT},
    "metadata": {"labels": ["positive", "negative"]},
}
TASK_INFO = {
    "task_id": "review_sentiment",
    "description": "Label a short product review as positive or negative.",
    "output_space": ["positive", "negative"],
    "proposer_hints": "Reviews often use negation ('not bad', 'not happy').",
}

# ---------------------------------------------------------------- TASK 3: the policy
POSITIVE = {"great", "love", "excellent", "good", "happy", "happier", "works", "work", "sturdy", "worth", "soft",
            "recommend", "quickly"}
NEGATIVE = {"died", "terrible", "broke", "useless", "awful", "poor", "crashes", "return", "fell", "cracked",
            "smells", "loose", "bad", "disappointed", "problem", "scratch"}
NEGATORS = {"not", "never", "no"}


def offline_policy(instruction, text):
    """A stand-in model with no network: it sums word polarities. It reads negation ('not bad', 'never had a
    problem') correctly only when the instruction talks about negation, so a better prompt measurably helps."""
    lowered = instruction.lower()
    handles_negation = "negation" in lowered or "negated" in lowered
    words = [w.strip(".,:!?").lower() for w in text.split()]
    score = 0
    for i, word in enumerate(words):
        polarity = 1 if word in POSITIVE else -1 if word in NEGATIVE else 0
        if handles_negation and NEGATORS.intersection(words[max(0, i - 3):i]):
            polarity = -polarity
        score += polarity
    usage = {"prompt_tokens": len(instruction.split()) + len(words), "completion_tokens": 1}
    return ("positive" if score > 0 else "negative"), usage


def llm_policy(policy, instruction, text):
    """Any OpenAI-compatible endpoint. The key comes from this container's environment, never from the request."""
    key = os.environ.get(os.environ.get("POLICY_API_KEY_ENV", "OPENAI_API_KEY"), "")
    body = json.dumps({"model": policy["model"], "max_tokens": policy.get("max_tokens") or 4,
                       "messages": [{"role": "system", "content": instruction},
                                    {"role": "user", "content": text}]}).encode()
    request = urllib.request.Request(policy["base_url"].rstrip("/") + "/chat/completions", data=body,
                                     headers={"Content-Type": "application/json", "Authorization": "Bearer " + key})
    with urllib.request.urlopen(request, timeout=60) as response:
        answer = json.load(response)
    usage = answer.get("usage") or {}
    return answer["choices"][0]["message"]["content"].strip().lower(), usage


# ---------------------------------------------------------------- TASK 4: the verifier
def verify(prediction, expected):
    first = prediction.split()[0].strip(".,!") if prediction.split() else ""
    passed = first == expected
    feedback = "correct" if passed else f"answered '{prediction}' but the review is {expected}"
    return passed, feedback


# ---------------------------------------------------------------- the contract (no need to change below)
class ClientMistake(Exception):
    def __init__(self, status, code, detail):
        super().__init__(detail)
        self.status, self.code, self.detail = status, code, detail


def metadata():
    return {"runtime": {"runtime_id": "python_review_sentiment", "name": "review sentiment (python example)"},
            "metadata": {"optimizer_contracts": {"gepa": {
                "version": CONTRACT_VERSION, "program_route": "/program", "task_info_route": "/task_info",
                "dataset_route": "/dataset", "dataset_rows_route": "/dataset/rows", "rollout_route": "/rollout"}}}}


def row(split, seed):
    if split not in SPLITS:
        raise ClientMistake(400, "unknown_split", f"unknown split '{split}': use one of {sorted(SPLITS)}")
    if not isinstance(seed, int) or isinstance(seed, bool) or not 0 <= seed < len(SPLITS[split]):
        raise ClientMistake(400, "unknown_example",
                            f"seed {seed!r} is outside split '{split}' (0..{len(SPLITS[split]) - 1})")
    text, label = SPLITS[split][seed]
    return {"example_id": f"{split}:{seed}", "seed": seed, "split": split, "text": text, "label": label}


def find_api_key_field(node, path=""):
    if isinstance(node, dict):
        for key, value in node.items():
            here = f"{path}.{key}" if path else key
            if "api_key" in key.lower().replace("-", "_") or "apikey" in key.lower():
                return here
            found = find_api_key_field(value, here)
            if found:
                return found
    elif isinstance(node, list):
        for i, value in enumerate(node):
            found = find_api_key_field(value, f"{path}[{i}]")
            if found:
                return found
    return None


def dataset_rows(body):
    split, seeds = body.get("split"), body.get("seeds")
    if not isinstance(split, str) or not split:
        raise ClientMistake(400, "missing_split", "'split' is missing: send the split name, e.g. \"train\"")
    if not isinstance(seeds, list):
        raise ClientMistake(400, "missing_seeds", "'seeds' is missing: send an array of integer seeds")
    return {"rows": [row(split, seed) for seed in seeds]}


class RolloutMemory:
    """Answers by rollout_id (least recently used dropped first), so a retried request is not run twice."""

    def __init__(self, capacity):
        self.capacity, self.answers, self.lock = capacity, OrderedDict(), threading.Lock()

    def get(self, rollout_id):
        with self.lock:
            if rollout_id in self.answers:
                self.answers.move_to_end(rollout_id)
                return self.answers[rollout_id]
            return None

    def put(self, rollout_id, answer):
        with self.lock:
            self.answers.setdefault(rollout_id, answer)
            while len(self.answers) > self.capacity:
                self.answers.popitem(last=False)
            return self.answers[rollout_id]


MEMORY = RolloutMemory(REMEMBERED_ROLLOUTS)


def check_rollout(body):
    """Refuses a malformed rollout request (ClientMistake); returns (seed, candidate, split, example)."""
    seed, candidate = body.get("seed"), body.get("candidate")
    if seed is None:
        raise ClientMistake(400, "missing_seed", "'seed' is missing: send the example's integer seed")
    if not isinstance(candidate, dict):
        raise ClientMistake(400, "missing_candidate", "'candidate' is missing: send {candidate_field: text}")
    mutable = {m["candidate_field"] for m in PROGRAM["modules"] if m["mutable"]}
    for field, text in candidate.items():
        if field not in mutable:
            raise ClientMistake(422, "unknown_candidate_field",
                                f"candidate field '{field}' is not mutable; send only {sorted(mutable)}")
        if not isinstance(text, str):
            raise ClientMistake(400, "wrong_type", f"candidate field '{field}' must be a string")
    split = body.get("split") or (body.get("dataset_row") or {}).get("split") or "train"
    example = row(split, seed)  # our own copy: labels never come from the request
    return seed, candidate, split, example


def rollout(body):
    seed, candidate, split, example = check_rollout(body)
    rollout_id = body.get("rollout_id") or f"rollout_{uuid.uuid4().hex}"
    remembered = MEMORY.get(rollout_id)
    if remembered is not None:
        return remembered
    instruction = {**PROGRAM["seed_candidate"], **candidate}["classifier_system"]
    policy = body.get("policy") or {}
    events = [{"type": "input", "text": example["text"]}]
    try:
        if policy.get("base_url") and policy.get("provider") not in (None, "embedded", "offline"):
            prediction, usage = llm_policy(policy, instruction, example["text"])
        else:
            prediction, usage = offline_policy(instruction, example["text"])
        events.append({"type": "prediction", "text": prediction})
        passed, feedback = verify(prediction, example["label"])
        reward, status, error = (1.0 if passed else 0.0), "completed", None
    except Exception as exc:  # the example failed inside the container: a result, not a server error
        prediction, usage, passed, feedback = "", {}, False, "the policy call failed"
        reward, status, error = 0.0, "failed", f"{type(exc).__name__}: {exc}"
        events.append({"type": "error", "text": error})
    prompt_tokens = int(usage.get("prompt_tokens", 0))
    completion_tokens = int(usage.get("completion_tokens", 0))
    answer = {
        "rollout_id": rollout_id, "status": status, "seed": seed, "split": split,
        "example_id": example["example_id"], "candidate_id": body.get("candidate_id"),
        "reward_info": {"outcome_reward": reward, "details": {"prediction": prediction, "expected": example["label"]}},
        "summary": {"outcome_reward": reward, "prediction": prediction},
        "usage": {"prompt_tokens": prompt_tokens, "completion_tokens": completion_tokens,
                  "total_tokens": prompt_tokens + completion_tokens, "cost_usd": 0.0},
        "trace": {"event_history": events, **({"error": error} if error else {})},
        "verifier": {"passed": passed, "score": reward, "feedback": feedback},
    }
    return MEMORY.put(rollout_id, answer)


GET_ROUTES = {"/health": lambda: {"status": "ok", "contract_version": CONTRACT_VERSION},
              "/metadata": metadata, "/info": metadata, "/task_info": lambda: TASK_INFO,
              "/program": lambda: PROGRAM,
              "/dataset": lambda: {"dataset_id": "review_sentiment_v1",
                                   "splits": {name: len(rows) for name, rows in SPLITS.items()}}}
POST_ROUTES = {"/dataset/rows": dataset_rows, "/rollout": rollout, "/rollouts": rollout}


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive: the optimizer reuses connections

    def do_GET(self):
        self._serve(lambda: self._get())

    def do_POST(self):
        self._serve(lambda: self._post())

    def _get(self):
        path = self.path.split("?")[0]
        if path not in GET_ROUTES:
            raise ClientMistake(404, "unknown_route", f"GET {path} is not a route of this container")
        return GET_ROUTES[path]()

    def _post(self):
        path = self.path.split("?")[0]
        if path not in POST_ROUTES:
            raise ClientMistake(404, "unknown_route", f"POST {path} is not a route of this container")
        length = int(self.headers.get("Content-Length") or 0)
        if length > MAX_BODY_BYTES:
            self.close_connection = True  # we will not read the body, so the connection cannot be reused
            raise ClientMistake(413, "body_too_large", f"the body has {length} bytes; the limit is {MAX_BODY_BYTES}")
        raw = self.rfile.read(length)
        try:
            body = json.loads(raw)
        except (ValueError, UnicodeDecodeError) as exc:
            raise ClientMistake(400, "malformed_json", f"the body is not valid JSON ({exc}): send one JSON object")
        if not isinstance(body, dict):
            raise ClientMistake(400, "malformed_json", "the body must be a JSON object")
        key_field = find_api_key_field(body)
        if key_field:
            raise ClientMistake(422, "api_key_in_body", f"field '{key_field}' looks like an API key; keys never "
                                "travel in request bodies: set them in the container's environment")
        return POST_ROUTES[path](body)

    def _serve(self, produce):
        try:
            expected_key = os.environ.get("CONTAINER_API_KEY")
            if expected_key and self.path != "/health":
                given = self.headers.get("X-API-Key") or ""
                if not hmac.compare_digest(given.encode(), expected_key.encode()):
                    raise ClientMistake(401, "unauthorized", "missing or wrong X-API-Key header")
            self._send(200, produce())
        except ClientMistake as mistake:
            self._send(mistake.status, {"error": mistake.code, "detail": mistake.detail})
        except Exception as exc:
            traceback.print_exc()
            self._send(500, {"error": "container_fault", "detail": f"{type(exc).__name__}: {exc}"})

    def _send(self, status, document):
        data = json.dumps(document).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, fmt, *args):  # quiet: one line per request would drown the optimizer's output
        pass


def main(handler=None, default_port=8080):
    port = int(sys.argv[1]) if len(sys.argv) > 1 else default_port
    server = ThreadingHTTPServer(("127.0.0.1", port), handler or Handler)
    server.daemon_threads = True
    print(f"listening on http://127.0.0.1:{server.server_address[1]}", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
