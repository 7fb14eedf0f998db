package client

// The in-flight journal of creates: of campaigns, and of the objects that
// nothing on the platform makes unique (short links: journalObject).
//
// What a create sent is known to Terraform only once the provider hands
// the answer back and Terraform saves its state. A Terraform or provider
// killed in between (kill -9, an OOM kill, a CI time limit, a second
// Ctrl-C) leaves a campaign that may be sending and that no state records,
// so the next apply would send it again. The journal closes that window:
//
//   - before a create is sent, one small file records it: its
//     reference_ids, a fingerprint of its content (the body without the
//     reference_ids, with the endpoint and path), and the process that
//     sends it (pid and start time, of the provider and of its parent
//     Terraform, so that a reused pid is not taken for the writer);
//   - the answer's campaign id is written into it, and the entry stays
//     until a refresh or destroy reads that campaign from the state (so the
//     window between the answer and Terraform's save is covered too);
//   - a later create of the same content takes an entry whose writer is
//     gone (never a live one, so two identical resources of one run never
//     take each other's; one entry goes to one create, under a file lock),
//     and resumes it instead of sending fresh: the campaign the answer
//     named, else the one its reference_ids prove, else the same request
//     again with the same reference_ids (recoverCreate: the platform
//     refuses reference_ids it has seen, and the answer is checked);
//   - a contact-list create carries no reference_ids: a taken entry
//     without a campaign id proves nothing, so the create stops with
//     UnprovenCreateError, which names the candidates and the ways out.
//
// An object create (journalObject) is recorded the same way, by a
// fingerprint of its endpoint, path and body; a later create of the same
// content takes an entry whose writer is gone and returns the object its
// answer named, or sends afresh when that object is gone; an entry whose
// answer never came stops the create with UnprovenObjectError, naming the
// live objects created since that may be it (none listed proves nothing:
// the earlier request may land, or be listed, later).
//
// Entries expire journalExpiry after their first send. No secret is
// written: the files hold hashes, reference_ids, the sender, the path and
// campaign ids.

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/hashicorp/terraform-plugin-log/tflog"
)

// EnvJournalDir names the in-flight journal's directory, instead of
// oneapi-journal in Terraform's data directory ("off" keeps none).
const EnvJournalDir = "ONEAPI_JOURNAL_DIR"

// journalExpiry bounds how long an entry protects a create.
const journalExpiry = 7 * 24 * time.Hour

// JournalDir is where this provider process keeps the journal:
// $ONEAPI_JOURNAL_DIR, else oneapi-journal in Terraform's data directory
// ($TF_DATA_DIR, else .terraform of the working directory; Terraform starts
// the provider in its working directory with its environment). "" keeps
// none.
func JournalDir() string {
	if d := os.Getenv(EnvJournalDir); d != "" {
		if d == "off" {
			return ""
		}
		return d
	}
	data := os.Getenv("TF_DATA_DIR")
	if data == "" {
		data = ".terraform"
	}
	abs, err := filepath.Abs(filepath.Join(data, "oneapi-journal", workspace(data)))
	if err != nil {
		return ""
	}
	return abs
}

// workspace is the Terraform workspace of this run: TF_WORKSPACE, else the
// one the data directory's environment file names, else "default".
// Workspaces share the data directory but not their states, so each keeps
// a journal of its own: an entry of one workspace's create must never be
// taken by another's create of the same content.
func workspace(data string) string {
	ws := os.Getenv("TF_WORKSPACE")
	if ws == "" {
		if b, err := os.ReadFile(filepath.Join(data, "environment")); err == nil { //nolint:gosec // Terraform's own file
			ws = strings.TrimSpace(string(b))
		}
	}
	if ws = filepath.Base(filepath.Clean("/" + ws)); ws == "/" || ws == "." || ws == "" {
		ws = "default"
	}
	return ws
}

// WithJournal keeps the in-flight journal of campaign creates in dir
// ("" keeps none).
func WithJournal(dir string) Option { return func(c *config) { c.journalDir = dir } }

type journal struct {
	dir  string
	self processMark
	now  func() time.Time

	// seen is the journal as the first refresh of this process found it,
	// for JournalSeen.
	seenOnce sync.Once
	seen     []*journalEntry
}

func newJournal(dir string, now func() time.Time) *journal {
	if dir == "" {
		return nil
	}
	return &journal{dir: dir, self: selfMark(), now: now}
}

// journalEntry is one create, one file.
type journalEntry struct {
	Owner processMark `json:"owner"`
	// Content is the SHA-256 of the endpoint, the path and the body with
	// the reference_ids blanked: what a later create of the same campaign
	// has in common with this one.
	Content string `json:"content"`
	// Request is PendingCreate.Fingerprint: the body as sent.
	Request      string    `json:"request"`
	Path         string    `json:"path"`
	ReferenceIDs []string  `json:"reference_ids,omitempty"`
	Sender       string    `json:"sender"`
	MessageType  string    `json:"message_type"`
	LatestBefore int64     `json:"latest_before,omitempty"`
	MarkKnown    bool      `json:"mark_known,omitempty"`
	Started      time.Time `json:"started"`
	// CampaignID is the campaign the answer (or the recovery) named.
	CampaignID int64 `json:"campaign_id,omitempty"`
	// Candidates are the campaigns an unproven contact-list create named.
	Candidates []int64 `json:"candidates,omitempty"`

	// Kind is what an object create makes (journalObject: "short link");
	// "" is a campaign create, with the fields above.
	Kind string `json:"kind,omitempty"`
	// ObjectID is the id the answer to an object create named.
	ObjectID string `json:"object_id,omitempty"`
	// ObjectCandidates are the objects an unproven object create named.
	ObjectCandidates []string `json:"object_candidates,omitempty"`

	file string
}

// File is the path of the entry's file.
func (e *journalEntry) File() string { return e.file }

// UnprovenCreateError refuses a contact-list create whose earlier,
// interrupted send of the same content may have created a campaign that
// nothing can prove (such a campaign carries no reference_id).
type UnprovenCreateError struct {
	Sender      string
	MessageType string
	Started     time.Time
	Candidates  []Campaign
	// Entry is the journal file that records the earlier send.
	Entry string
	// Detail is what the search for candidates found.
	Detail string
}

func (e *UnprovenCreateError) Error() string {
	return fmt.Sprintf("an earlier apply in this working directory sent the same %s campaign of sender %q at %s and "+
		"was interrupted before it learnt the campaign's id (recorded in %s); a contact-list campaign carries no "+
		"reference_id, so nothing proves which campaign, if any, it created: %s",
		e.MessageType, e.Sender, e.Started.UTC().Format(time.RFC3339), e.Entry, e.Detail)
}

// journalCreate is create() under the journal: the create is recorded
// before it is sent, or an interrupted earlier send of the same content is
// resumed instead; send is the fresh send.
func (c *Client) journalCreate(ctx context.Context, spec createSpec, send func(createSpec) (*Campaign, error)) (*Campaign, error) {
	j := c.journal
	if j == nil {
		return send(spec)
	}
	e, taken := j.begin(ctx, c.endpoint.String(), &spec)
	var cp *Campaign
	var err error
	if taken {
		cp, err = c.resumeCreate(ctx, spec, e)
	} else {
		cp, err = send(spec)
	}
	j.settle(ctx, e, taken, cp, err)
	return cp, err
}

// resumeCreate finishes the create of an entry whose writer is gone,
// sending again only under the reference_id guard.
func (c *Client) resumeCreate(ctx context.Context, spec createSpec, e *journalEntry) (*Campaign, error) {
	tflog.Warn(ctx, "resuming a create an interrupted run left in flight", map[string]any{"path": spec.path, "journal_entry": e.file})
	if e.CampaignID != 0 {
		cp, err := c.GetCampaign(ctx, e.CampaignID)
		if err != nil {
			return nil, fmt.Errorf("campaign %d, which an interrupted earlier apply created with the same content "+
				"(recorded in the in-flight journal), could not be read: %w. Nothing was sent. If it is readable again "+
				"later, apply again; if it is not this account's campaign, delete the journal file %s and apply again "+
				"(that sends the campaign)", e.CampaignID, err, e.file)
		}
		if cp.ID == e.CampaignID && cp.Sender == spec.sender {
			return adopted(cp, "named by the platform's answer to the same request, sent by an earlier apply that "+
				"was interrupted before Terraform saved it (in-flight journal "+e.file+")"), nil
		}
	}
	if len(spec.refs) == 0 {
		return nil, c.unprovenCreate(ctx, spec, e)
	}
	amb := &AmbiguousCreateError{Method: http.MethodPost, Path: spec.path, Object: createsCampaign,
		Err: errors.New("an earlier apply sent this request and was interrupted before it learnt the outcome (in-flight journal " + e.file + ")")}
	amb.Pending = spec.pending()
	return c.recoverCreate(ctx, spec, amb)
}

// unprovenCreate names the campaigns an interrupted contact-list create
// may have made, and adopts none of them.
func (c *Client) unprovenCreate(ctx context.Context, spec createSpec, e *journalEntry) error {
	amb := &AmbiguousCreateError{}
	c.nameListCandidates(ctx, spec, amb)
	return &UnprovenCreateError{Sender: spec.sender, MessageType: spec.messageType, Started: spec.started,
		Candidates: amb.Candidates, Entry: e.file, Detail: amb.Detail}
}

// contentFingerprint is journalEntry.Content for a create.
func contentFingerprint(endpoint string, spec createSpec) (string, []byte, error) {
	body, err := json.Marshal(spec.body)
	if err != nil {
		return "", nil, err
	}
	blank := body
	for _, ref := range spec.refs {
		blank = []byte(strings.ReplaceAll(string(blank), strconv.Quote(ref), `""`))
	}
	sum := sha256.Sum256([]byte(endpoint + " " + spec.path + " " + string(blank)))
	return hex.EncodeToString(sum[:]), body, nil
}

// begin takes an entry of the same content whose writer is gone (spec then
// carries its reference_ids and marks), or records a new one. Without a
// usable journal it logs why and returns nil: the create is then sent as
// it would be without one.
func (j *journal) begin(ctx context.Context, endpoint string, spec *createSpec) (*journalEntry, bool) {
	content, body, err := contentFingerprint(endpoint, *spec)
	if err != nil {
		return nil, false
	}
	claim := func(e *journalEntry) bool {
		if e.Kind != "" || len(e.ReferenceIDs) != len(spec.refs) {
			return false
		}
		for i, ref := range spec.refs {
			body = []byte(strings.ReplaceAll(string(body), strconv.Quote(ref), strconv.Quote(e.ReferenceIDs[i])))
		}
		spec.body, spec.refs = json.RawMessage(body), e.ReferenceIDs
		spec.started, spec.latestBefore, spec.markKnown = e.Started, e.LatestBefore, e.MarkKnown
		e.Request = spec.pending().Fingerprint
		return true
	}
	return j.take(ctx, content, claim, &journalEntry{Content: content, Request: spec.pending().Fingerprint, Path: spec.path,
		ReferenceIDs: spec.refs, Sender: spec.sender, MessageType: spec.messageType, LatestBefore: spec.latestBefore,
		MarkKnown: spec.markKnown, Started: spec.started})
}

// take, under the journal's lock, takes an entry of this content whose
// writer is gone and that claim accepts (claim may change it before it is
// written as this process's), or records fresh. nil when the journal is
// unusable (logged).
func (j *journal) take(ctx context.Context, content string, claim func(*journalEntry) bool, fresh *journalEntry) (*journalEntry, bool) {
	unlock, err := j.lock()
	if err != nil {
		tflog.Warn(ctx, "in-flight journal unusable; the create is sent without it", map[string]any{"error": err.Error()})
		return nil, false
	}
	defer unlock()
	e, taken := fresh, false
	for _, old := range j.entries(ctx) {
		if j.now().Sub(old.Started) > journalExpiry {
			_ = os.Remove(old.file)
			continue
		}
		if old.Content == content && old.Owner.gone() && claim(old) {
			e, taken = old, true
			break
		}
	}
	e.Owner = j.self
	if !taken {
		e.file = filepath.Join(j.dir, randomName()+".json")
	}
	if err := j.write(e); err != nil {
		tflog.Warn(ctx, "in-flight journal unusable; the create is sent without it", map[string]any{"error": err.Error()})
		return nil, false
	}
	return e, taken
}

// settle records a create's outcome: the campaign it named, the
// candidates of an unproven one; an entry whose request the platform
// refused (nothing created) ends. Any other outcome keeps the entry as it
// is, for a later create of the same content to resume.
func (j *journal) settle(ctx context.Context, e *journalEntry, taken bool, cp *Campaign, err error) {
	if j == nil || e == nil {
		return
	}
	var unproven *UnprovenCreateError
	switch {
	case cp != nil:
		e.CampaignID = cp.ID
	case errors.As(err, &unproven):
		e.Candidates = e.Candidates[:0]
		for _, c := range unproven.Candidates {
			e.Candidates = append(e.Candidates, c.ID)
		}
	case !taken && refusedCreate(err):
		j.end(ctx, e)
		return
	default:
		return
	}
	j.record(ctx, e)
}

// refusedCreate reports a create that never left the machine, or that
// the platform refused (a 4xx that is not a timeout or a rate limit):
// nothing was created, so nothing can be lost.
func refusedCreate(err error) bool {
	var apiErr *APIError
	var notSent *NotSentError
	return errors.As(err, &notSent) || errors.As(err, &apiErr) && apiErr.StatusCode >= 400 && apiErr.StatusCode < 500 &&
		apiErr.StatusCode != http.StatusRequestTimeout && apiErr.StatusCode != http.StatusTooManyRequests
}

// record writes an entry's outcome.
func (j *journal) record(ctx context.Context, e *journalEntry) {
	unlock, lerr := j.lock()
	if lerr != nil {
		return
	}
	defer unlock()
	if werr := j.write(e); werr != nil {
		tflog.Warn(ctx, "in-flight journal: the create's outcome was not recorded", map[string]any{"error": werr.Error()})
	}
}

// JournalSeen ends the journal entries of a campaign that the state holds
// (a refresh or a destroy read its id): that campaign can no longer be
// lost. Cheap when there are none: the journal is read once per process.
// imported says the state got it by an import that this is the first read
// of: the way out of an unproven contact-list create, which also ends one
// entry that named it as a candidate (the others forget it: it answers one
// create). A candidate read by any other refresh is some other resource's
// campaign and ends nothing.
func (c *Client) JournalSeen(ctx context.Context, id int64, imported bool) {
	c.journalEnd(ctx, func(e *journalEntry) bool { return e.CampaignID == id }, imported,
		func(e *journalEntry) bool { return slices.Contains(e.Candidates, id) },
		func(e *journalEntry) {
			e.Candidates = slices.DeleteFunc(e.Candidates, func(c int64) bool { return c == id })
		})
}

// JournalSeenPending ends the journal entry of an unresolved create that
// the state holds (its record in private state names the request).
func (c *Client) JournalSeenPending(ctx context.Context, p PendingCreate) {
	c.journalEnd(ctx, func(e *journalEntry) bool {
		if len(p.ReferenceIDs) > 0 {
			return len(e.ReferenceIDs) > 0 && e.ReferenceIDs[0] == p.ReferenceIDs[0]
		}
		return e.Request == p.Fingerprint
	}, false, nil, nil)
}

// journalEnd ends the entries whose create made the object (made); for an
// import, one entry that names it as a candidate too, and the others
// forget it, so that each of them still stops its create.
func (c *Client) journalEnd(ctx context.Context, made func(*journalEntry) bool, imported bool,
	candidate func(*journalEntry) bool, forget func(*journalEntry)) {
	j := c.journal
	if j == nil {
		return
	}
	j.seenOnce.Do(func() {
		if _, err := os.Stat(j.dir); err == nil {
			j.seen = j.entries(ctx)
		}
	})
	claimed := false
	for _, e := range j.seen {
		switch {
		case made(e):
			j.end(ctx, e)
		case !imported || !candidate(e):
		case !claimed:
			claimed = true
			j.end(ctx, e)
		default:
			j.rewrite(ctx, e, forget)
		}
	}
}

// rewrite changes an entry, if its file still says what e says.
func (j *journal) rewrite(ctx context.Context, e *journalEntry, change func(*journalEntry)) {
	j.ifSame(e, func(now *journalEntry) {
		change(now)
		change(e)
		if err := j.write(now); err != nil {
			tflog.Warn(ctx, "in-flight journal: an entry was not rewritten", map[string]any{"error": err.Error()})
		}
	})
}

// end removes an entry, if its file still says what e says.
func (j *journal) end(ctx context.Context, e *journalEntry) {
	j.ifSame(e, func(*journalEntry) {
		if err := os.Remove(e.file); err == nil {
			tflog.Debug(ctx, "in-flight journal entry ended", map[string]any{"journal_entry": e.file})
		}
	})
}

// ifSame runs do, under the journal's lock, with the entry's file as it
// is now, if it still records what e does (same).
func (j *journal) ifSame(e *journalEntry, do func(now *journalEntry)) {
	unlock, err := j.lock()
	if err != nil {
		return
	}
	defer unlock()
	if now, err := readEntry(e.file); err == nil && now.same(e) {
		do(now)
	}
}

// same reports an entry's file that still records what e does.
func (e *journalEntry) same(o *journalEntry) bool {
	return e.Content == o.Content && e.CampaignID == o.CampaignID && e.ObjectID == o.ObjectID && e.Request == o.Request
}

// lock takes the journal's lock file, creating the directory.
func (j *journal) lock() (func(), error) {
	if err := os.MkdirAll(j.dir, 0o700); err != nil {
		return nil, err
	}
	f, err := os.OpenFile(filepath.Join(j.dir, ".lock"), os.O_CREATE|os.O_RDWR, 0o600)
	if err != nil {
		return nil, err
	}
	if err := lockFile(f); err != nil {
		_ = f.Close()
		return nil, err
	}
	return func() { _ = unlockFile(f); _ = f.Close() }, nil
}

// entries reads every entry; unreadable files are left alone.
func (j *journal) entries(ctx context.Context) []*journalEntry {
	names, _ := filepath.Glob(filepath.Join(j.dir, "*.json"))
	out := make([]*journalEntry, 0, len(names))
	for _, name := range names {
		e, err := readEntry(name)
		if err != nil {
			tflog.Warn(ctx, "in-flight journal: unreadable entry left alone", map[string]any{"journal_entry": name, "error": err.Error()})
			continue
		}
		out = append(out, e)
	}
	return out
}

func readEntry(name string) (*journalEntry, error) {
	b, err := os.ReadFile(name) //nolint:gosec // a file of the journal's own directory
	if err != nil {
		return nil, err
	}
	var e journalEntry
	if err := json.Unmarshal(b, &e); err != nil {
		return nil, err
	}
	e.file = name
	return &e, nil
}

// write replaces an entry's file whole (a rename), so that a kill never
// leaves half of one.
func (j *journal) write(e *journalEntry) error {
	b, err := json.MarshalIndent(e, "", "  ")
	if err != nil {
		return err
	}
	tmp := e.file + ".tmp"
	if err := os.WriteFile(tmp, b, 0o600); err != nil {
		return err
	}
	return os.Rename(tmp, e.file)
}

func randomName() string {
	b := make([]byte, 12)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

// processMark names a process beyond its pid: with its start time, and its
// parent's (the Terraform that started the provider).
type processMark struct {
	PID         int    `json:"pid"`
	Start       string `json:"start,omitempty"`
	Parent      int    `json:"parent"`
	ParentStart string `json:"parent_start,omitempty"`
}

func selfMark() processMark {
	pid, parent := os.Getpid(), os.Getppid()
	return processMark{PID: pid, Start: processStart(pid), Parent: parent, ParentStart: processStart(parent)}
}

// gone reports a writer that can no longer finish its create: the
// provider process has ended, or the Terraform that started it has (an
// orphaned provider hands its answer to no one).
func (m processMark) gone() bool {
	if !processAlive(m.PID, m.Start) {
		return true
	}
	return m.Parent > 1 && !processAlive(m.Parent, m.ParentStart)
}

// Object kinds of the journal's object creates.
const JournalShortLink = "short link"

// UnprovenObjectError refuses the create of an object that nothing on the
// platform makes unique when an interrupted earlier apply of this working
// directory sent the same create and never learnt what it made: the live
// objects created since may be it, and none listed proves nothing.
type UnprovenObjectError struct {
	Kind    string
	Started time.Time
	// Candidates are the ids of the objects that may be it.
	Candidates []string
	// Entry is the journal file that records the earlier send.
	Entry string
}

func (e *UnprovenObjectError) Error() string {
	which := fmt.Sprintf("nothing proves which of the %ss created since then, if any, it made: %s", e.Kind, strings.Join(e.Candidates, ", "))
	if len(e.Candidates) == 0 {
		which = fmt.Sprintf("no %s it may have made is listed (yet), which does not prove that it made none", e.Kind)
	}
	return fmt.Sprintf("an earlier apply in this working directory sent the same %s create at %s and was interrupted "+
		"before it learnt what the create made (recorded in %s); %s", e.Kind, e.Started.UTC().Format(time.RFC3339), e.Entry, which)
}

// objectCreate is what journalObject needs to know of one object create.
type objectCreate[T any] struct {
	kind, path string
	// key is what makes two creates the same create: the body, and what
	// the caller sets right after the create (a link's name and slug).
	key any
	// send sends the create; id names the object its answer made.
	send func() (*T, error)
	id   func(*T) string
	// resume finishes an entry whose writer is gone: the object its answer
	// named, nil (and no error) when a fresh send is safe (that object is
	// gone, or no live object may be what the create made), or an error
	// (an *UnprovenObjectError when some may be).
	resume func(*journalEntry) (*T, error)
}

// journalObject is an object create under the journal: recorded before it
// is sent, or the interrupted earlier send of the same content resumed.
func journalObject[T any](ctx context.Context, c *Client, o objectCreate[T]) (*T, error) {
	j := c.journal
	if j == nil {
		return o.send()
	}
	b, err := json.Marshal(o.key)
	if err != nil {
		return nil, err
	}
	sum := sha256.Sum256([]byte(c.endpoint.String() + " " + o.path + " " + string(b)))
	content := hex.EncodeToString(sum[:])
	e, taken := j.take(ctx, content, func(e *journalEntry) bool { return e.Kind == o.kind },
		&journalEntry{Kind: o.kind, Content: content, Path: o.path, Started: j.now()})
	if e == nil {
		return o.send()
	}
	var v *T
	if taken {
		tflog.Warn(ctx, "resuming a create an interrupted run left in flight", map[string]any{"path": o.path, "journal_entry": e.file})
		v, err = o.resume(e)
	}
	fresh := !taken || v == nil && err == nil
	if taken && fresh {
		// What the earlier create made is gone: the entry now records this
		// send, so that a lost answer to it is not taken for that one's.
		e.ObjectID, e.ObjectCandidates, e.Started = "", nil, j.now()
		j.record(ctx, e)
	}
	if fresh {
		v, err = o.send()
	}
	var unproven *UnprovenObjectError
	switch {
	case v != nil:
		e.ObjectID, e.ObjectCandidates = o.id(v), nil
	case errors.As(err, &unproven):
		e.ObjectCandidates = unproven.Candidates
	case fresh && refusedCreate(err):
		j.end(ctx, e)
		return v, err
	default:
		return v, err
	}
	j.record(ctx, e)
	return v, err
}

// JournalSeenObject ends the journal entries of an object of this kind
// that the state holds (a refresh or a destroy read its id): it can no
// longer be lost. imported says the state got it by an import that this is
// the first read of: the way out of an UnprovenObjectError, which also
// ends one entry that named it as a candidate (as JournalSeen).
func (c *Client) JournalSeenObject(ctx context.Context, kind, id string, imported bool) {
	c.journalEnd(ctx, func(e *journalEntry) bool { return e.Kind == kind && e.ObjectID == id }, imported,
		func(e *journalEntry) bool { return e.Kind == kind && slices.Contains(e.ObjectCandidates, id) },
		func(e *journalEntry) {
			e.ObjectCandidates = slices.DeleteFunc(e.ObjectCandidates, func(c string) bool { return c == id })
		})
}
