// SPDX-License-Identifier: GPL-3.0-or-later
#include "history/historyschema.h"

using namespace Qt::StringLiterals;

namespace versus::history {

// Conventions: times are INTEGER milliseconds since the epoch (UTC); JSON members are TEXT
// holding compact JSON, NULL when empty; states are answerStateName() words.

// Version 1: conversations, lanes, turns and answers.
static const QStringList kVersion1 = {
    uR"(CREATE TABLE conversations (
        id INTEGER PRIMARY KEY,
        title TEXT NOT NULL DEFAULT '',
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL))"_s,
    uR"(CREATE TABLE lanes (
        id INTEGER PRIMARY KEY,
        conversation_id INTEGER NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        provider TEXT NOT NULL,
        model TEXT NOT NULL,
        parameters TEXT,
        removed INTEGER NOT NULL DEFAULT 0))"_s,
    uR"(CREATE TABLE turns (
        id INTEGER PRIMARY KEY,
        conversation_id INTEGER NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        prompt TEXT NOT NULL,
        created_at INTEGER NOT NULL))"_s,
    uR"(CREATE TABLE answers (
        id INTEGER PRIMARY KEY,
        turn_id INTEGER NOT NULL REFERENCES turns(id) ON DELETE CASCADE,
        lane_id INTEGER NOT NULL REFERENCES lanes(id) ON DELETE CASCADE,
        state TEXT NOT NULL,
        text TEXT NOT NULL DEFAULT '',
        reasoning TEXT NOT NULL DEFAULT '',
        tool_calls TEXT,
        finish_reason TEXT,
        usage TEXT,
        metrics TEXT,
        cost TEXT,
        error TEXT,
        started_at INTEGER NOT NULL,
        finished_at INTEGER,
        updated_at INTEGER NOT NULL))"_s,
    u"CREATE INDEX lanes_by_conversation ON lanes(conversation_id, position)"_s,
    u"CREATE UNIQUE INDEX turns_by_conversation ON turns(conversation_id, position)"_s,
    u"CREATE INDEX answers_by_turn ON answers(turn_id)"_s,
    u"CREATE INDEX answers_by_lane ON answers(lane_id)"_s,
    u"CREATE INDEX answers_streaming ON answers(state) WHERE state = 'streaming'"_s,
};

// Version 2: full-text search, votes and bench runs.
//
// The FTS5 tables are "external content" tables over turns(prompt) and
// answers(text, reasoning): the text is stored once (in turns/answers) and snippet() reads it
// from there, which a contentless table could not do. Triggers keep the index in step; an
// external-content index must be told the exact old values on delete, which the triggers
// below have at hand (OLD.*).
//
// Answers are indexed once they stop streaming: a streaming answer is checkpointed every
// second and re-indexing its growing text each time would fill the index with segments
// that are immediately obsolete. Interrupted answers are indexed when open() marks them.
static const QStringList kVersion2 = {
    u"CREATE VIRTUAL TABLE prompt_fts USING fts5(prompt, content='turns', content_rowid='id', "
    u"tokenize='unicode61 remove_diacritics 2')"_s,
    u"CREATE VIRTUAL TABLE answer_fts USING fts5(text, reasoning, content='answers', content_rowid='id', "
    u"tokenize='unicode61 remove_diacritics 2')"_s,
    uR"(CREATE TRIGGER turns_fts_insert AFTER INSERT ON turns BEGIN
        INSERT INTO prompt_fts(rowid, prompt) VALUES (new.id, new.prompt);
    END)"_s,
    uR"(CREATE TRIGGER turns_fts_delete AFTER DELETE ON turns BEGIN
        INSERT INTO prompt_fts(prompt_fts, rowid, prompt) VALUES ('delete', old.id, old.prompt);
    END)"_s,
    uR"(CREATE TRIGGER turns_fts_update AFTER UPDATE OF prompt ON turns BEGIN
        INSERT INTO prompt_fts(prompt_fts, rowid, prompt) VALUES ('delete', old.id, old.prompt);
        INSERT INTO prompt_fts(rowid, prompt) VALUES (new.id, new.prompt);
    END)"_s,
    uR"(CREATE TRIGGER answers_fts_insert AFTER INSERT ON answers WHEN new.state <> 'streaming' BEGIN
        INSERT INTO answer_fts(rowid, text, reasoning) VALUES (new.id, new.text, new.reasoning);
    END)"_s,
    uR"(CREATE TRIGGER answers_fts_delete AFTER DELETE ON answers WHEN old.state <> 'streaming' BEGIN
        INSERT INTO answer_fts(answer_fts, rowid, text, reasoning)
            VALUES ('delete', old.id, old.text, old.reasoning);
    END)"_s,
    uR"(CREATE TRIGGER answers_fts_update AFTER UPDATE OF text, reasoning, state ON answers BEGIN
        INSERT INTO answer_fts(answer_fts, rowid, text, reasoning)
            SELECT 'delete', old.id, old.text, old.reasoning WHERE old.state <> 'streaming';
        INSERT INTO answer_fts(rowid, text, reasoning)
            SELECT new.id, new.text, new.reasoning WHERE new.state <> 'streaming';
    END)"_s,
    u"INSERT INTO prompt_fts(rowid, prompt) SELECT id, prompt FROM turns"_s,
    u"INSERT INTO answer_fts(rowid, text, reasoning) SELECT id, text, reasoning FROM answers "
    u"WHERE state <> 'streaming'"_s,
    // A vote: which lane's answer the user preferred for a turn (lane_id NULL = a tie),
    // with an optional note.
    uR"(CREATE TABLE votes (
        id INTEGER PRIMARY KEY,
        turn_id INTEGER NOT NULL REFERENCES turns(id) ON DELETE CASCADE,
        lane_id INTEGER REFERENCES lanes(id) ON DELETE CASCADE,
        note TEXT,
        created_at INTEGER NOT NULL))"_s,
    u"CREATE INDEX votes_by_turn ON votes(turn_id)"_s,
    // A bench run as `versus-cli bench --json` reports it: the configuration (targets,
    // prompts, runs, concurrency) and the whole {"runs", "summary"} document.
    uR"(CREATE TABLE bench_runs (
        id INTEGER PRIMARY KEY,
        title TEXT NOT NULL DEFAULT '',
        config TEXT NOT NULL,
        result TEXT,
        started_at INTEGER NOT NULL,
        finished_at INTEGER))"_s,
};

// Version 3: the trace of a tool loop (every round, its calls and results) and the check of a
// structured answer against the lane's response schema, as the lane-result JSON members
// "tool_rounds" and "structured_output".
static const QStringList kVersion3 = {
    u"ALTER TABLE answers ADD COLUMN tool_rounds TEXT"_s,
    u"ALTER TABLE answers ADD COLUMN structured_output TEXT"_s,
};

// Version 4: images attached to a user's turn. An image's bytes are stored once per SHA-256
// however many turns send it; turn_images links a turn to its images in order, with the file
// name as attached. An image no turn links to any more is deleted with the last such turn.
static const QStringList kVersion4 = {
    uR"(CREATE TABLE images (
        sha256 TEXT PRIMARY KEY,
        mime_type TEXT NOT NULL,
        bytes BLOB NOT NULL,
        size INTEGER NOT NULL))"_s,
    uR"(CREATE TABLE turn_images (
        turn_id INTEGER NOT NULL REFERENCES turns(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        sha256 TEXT NOT NULL REFERENCES images(sha256),
        file_name TEXT NOT NULL DEFAULT '',
        PRIMARY KEY (turn_id, position)))"_s,
    u"CREATE INDEX turn_images_by_image ON turn_images(sha256)"_s,
};

// Version 5: verdicts on a comparison's turns.
// - A vote is of a kind (best | tie | all_bad; lane_id names the best lane, NULL otherwise) and
//   says whether it was cast blind (provider and model names hidden); one vote per turn. A vote
//   copied into a branch (an edited prompt) is marked "copied": the leaderboard counts it once.
// - A turn has tags (a JSON array of words; the leaderboard filters by them) and may name the
//   lane whose answer every lane continued from ("continue with this answer"; NULL = lanes kept
//   separate).
// - judgements: a judge model's score of each lane's answer to a turn, against a rubric.
// - merges: answers merged by a model the user chose, as a lane-result JSON document.
static const QStringList kVersion5 = {
    u"ALTER TABLE votes ADD COLUMN kind TEXT NOT NULL DEFAULT 'best'"_s,
    u"ALTER TABLE votes ADD COLUMN blind INTEGER NOT NULL DEFAULT 0"_s,
    u"ALTER TABLE votes ADD COLUMN copied INTEGER NOT NULL DEFAULT 0"_s,
    u"DELETE FROM votes WHERE id NOT IN (SELECT MAX(id) FROM votes GROUP BY turn_id)"_s,
    u"DROP INDEX votes_by_turn"_s,
    u"CREATE UNIQUE INDEX votes_one_per_turn ON votes(turn_id)"_s,
    u"ALTER TABLE turns ADD COLUMN tags TEXT"_s,
    u"ALTER TABLE turns ADD COLUMN continued_lane_id INTEGER REFERENCES lanes(id) ON DELETE SET NULL"_s,
    uR"(CREATE TABLE judgements (
        id INTEGER PRIMARY KEY,
        turn_id INTEGER NOT NULL REFERENCES turns(id) ON DELETE CASCADE,
        lane_id INTEGER NOT NULL REFERENCES lanes(id) ON DELETE CASCADE,
        judge TEXT NOT NULL,
        score REAL NOT NULL,
        reason TEXT NOT NULL DEFAULT '',
        rubric TEXT,
        created_at INTEGER NOT NULL))"_s,
    u"CREATE INDEX judgements_by_turn ON judgements(turn_id)"_s,
    uR"(CREATE TABLE merges (
        id INTEGER PRIMARY KEY,
        turn_id INTEGER NOT NULL REFERENCES turns(id) ON DELETE CASCADE,
        target TEXT NOT NULL,
        instruction TEXT NOT NULL,
        state TEXT NOT NULL,
        result TEXT,
        created_at INTEGER NOT NULL,
        finished_at INTEGER))"_s,
    u"CREATE INDEX merges_by_turn ON merges(turn_id)"_s,
};

// Version 6: provider benchmarks (versus-cli bench, the Bench view). bench_runs (version 2)
// gains a state (running | finished | cancelled | interrupted; rows written before are
// finished); its config holds the BenchRecord spec, started_at its creation. Each measured
// request is a bench_samples row: where it sits in the plan and the same answer columns as
// answers (states are answerStateName() words, JSON members as there). Samples go with their
// benchmark (deleted explicitly first, and by the cascade).
static const QStringList kVersion6 = {
    u"ALTER TABLE bench_runs ADD COLUMN state TEXT NOT NULL DEFAULT 'finished'"_s,
    uR"(CREATE TABLE bench_samples (
        id INTEGER PRIMARY KEY,
        bench_id INTEGER NOT NULL REFERENCES bench_runs(id) ON DELETE CASCADE,
        target_index INTEGER NOT NULL,
        prompt_index INTEGER NOT NULL,
        run_index INTEGER NOT NULL,
        state TEXT NOT NULL,
        text TEXT NOT NULL DEFAULT '',
        reasoning TEXT NOT NULL DEFAULT '',
        tool_calls TEXT,
        tool_rounds TEXT,
        structured_output TEXT,
        finish_reason TEXT,
        usage TEXT,
        metrics TEXT,
        cost TEXT,
        error TEXT,
        started_at INTEGER NOT NULL,
        finished_at INTEGER))"_s,
    u"CREATE INDEX bench_samples_by_bench ON bench_samples(bench_id, id)"_s,
    u"CREATE INDEX bench_runs_running ON bench_runs(state) WHERE state = 'running'"_s,
};

const QList<Migration> &migrations()
{
    static const QList<Migration> list = {{1, kVersion1}, {2, kVersion2}, {3, kVersion3},
                                          {4, kVersion4}, {5, kVersion5}, {6, kVersion6}};
    return list;
}

} // namespace versus::history
