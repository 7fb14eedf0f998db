package sandbox

import (
	"encoding/json"
	"fmt"
	"net/http"
	"sort"
	"strconv"
	"strings"
	"time"
)

// The contact book, as the Lists and Contacts pages and the OpenAPI file
// document it: contact lists (groups) with a unique name (3..50
// characters), an optional description (1..255) and a default flag;
// contacts with a unique phone (an integer of 9 to 15 digits), custom
// fields and lists. Deleting a list keeps its contacts; deleting a contact
// takes it out of every list. Pages take page[limit] 15..500, default 30.

// group is a contact list.
type group struct {
	id          int64
	name        string
	description *string
	def         bool
	createdAt   time.Time
}

// contact is an entry of the contact book.
type contact struct {
	id        int64
	phone     string
	fields    map[string]string
	groups    map[int64]bool
	createdAt time.Time
}

// Documented answers of the contact book.
const (
	msgGroupExists    = "Contact group is already exists"
	msgGroupNotFound  = "Contact group is not found"
	msgPhoneExists    = "Phone number is already exist in contact book"
	msgInvalidContact = "Invalid contact id"
)

// writeRefusal answers 422 with one of the documented messages and no
// field errors.
func writeRefusal(w http.ResponseWriter, msg string) {
	writeJSON(w, http.StatusUnprocessableEntity, map[string]any{"message": msg, "errors": []any{}})
}

// seedContactBook creates the lists of cfg.Groups, each with its number of
// contacts, named "List <id>".
func (s *Sandbox) seedContactBook() {
	ids := make([]int64, 0, len(s.cfg.Groups))
	for id := range s.cfg.Groups {
		ids = append(ids, id)
	}
	sort.Slice(ids, func(i, j int) bool { return ids[i] < ids[j] })
	now := s.clock.Now()
	for _, id := range ids {
		s.groups[id] = &group{id: id, name: fmt.Sprintf("List %d", id), createdAt: now}
		s.groupOrder = append(s.groupOrder, id)
		s.nextGroupID = max(s.nextGroupID, id+1)
		for range s.cfg.Groups[id] {
			phone := strconv.FormatInt(380_660_000_000+s.nextContactID%1_000_000, 10)
			s.addContact(phone, map[string]string{}, map[int64]bool{id: true}, now)
		}
	}
}

// addContact stores a contact; the caller holds s.mu.
func (s *Sandbox) addContact(phone string, fields map[string]string, groups map[int64]bool, now time.Time) *contact {
	ct := &contact{id: s.nextContactID, phone: phone, fields: fields, groups: groups, createdAt: now}
	s.nextContactID++
	s.contacts[ct.id] = ct
	s.contactOrder = append(s.contactOrder, ct.id)
	s.phones[phone] = ct.id
	return ct
}

// groupIDs reads an array of contact-list ids: each must be an integer
// and name an existing list ("Contact group is not found"). The caller
// holds s.mu.
func (s *Sandbox) groupIDs(c *checker, items []json.RawMessage) map[int64]bool {
	ids := map[int64]bool{}
	for i, raw := range items {
		var id int64
		switch {
		case json.Unmarshal(raw, &id) != nil:
			c.add(fmt.Sprintf("groups.%d", i), "This value should be of type integer.")
		case s.groups[id] == nil:
			c.add(fmt.Sprintf("groups.%d", i), msgGroupNotFound)
		default:
			ids[id] = true
		}
	}
	return ids
}

// groupSize is the number of contacts in a list; the caller holds s.mu.
func (s *Sandbox) groupSize(id int64) int {
	n := 0
	for _, ct := range s.contacts {
		if ct.groups[id] {
			n++
		}
	}
	return n
}

// groupPhones are the distinct phones of the lists' contacts, in contact
// order; the caller holds s.mu.
func (s *Sandbox) groupPhones(ids map[int64]bool) []string {
	var out []string
	for _, cid := range s.contactOrder {
		ct := s.contacts[cid]
		for g := range ct.groups {
			if ids[g] {
				out = append(out, ct.phone)
				break
			}
		}
	}
	return out
}

// groupStopListed counts the list's contacts whose phone is on a stop
// list; the caller holds s.mu.
func (s *Sandbox) groupStopListed(id int64) int {
	n := 0
	for _, ct := range s.contacts {
		if ct.groups[id] && s.stopList[ct.phone] != nil {
			n++
		}
	}
	return n
}

func (s *Sandbox) groupView(g *group) map[string]any {
	return map[string]any{
		"id": g.id, "name": g.name, "description": g.description, "default": g.def,
		"created_at": s.accountTime(g.createdAt), "items": s.groupSize(g.id), "stop_list_count": s.groupStopListed(g.id),
	}
}

func (s *Sandbox) contactView(ct *contact) map[string]any {
	var fields any = []any{} // the API writes no fields as []
	if len(ct.fields) > 0 {
		fields = ct.fields
	}
	groups := []any{}
	for _, gid := range s.groupOrder {
		if ct.groups[gid] {
			groups = append(groups, s.groupView(s.groups[gid]))
		}
	}
	phone, _ := strconv.ParseInt(ct.phone, 10, 64)
	return map[string]any{
		"id": ct.id, "phone": phone, "fields": fields, "groups": groups,
		"hlr_status": "unknown", "hlr_last_check": nil, "created_at": s.accountTime(ct.createdAt),
	}
}

// pageParams reads page[offset] and page[limit] (15..500, default 30).
func pageParams(c *checker, r *http.Request) (offset, limit int64) {
	q := r.URL.Query()
	return queryInt(c, q.Get("page[offset]"), "page[offset]", 0, 0, 1<<62),
		queryInt(c, q.Get("page[limit]"), "page[limit]", 30, 15, 500)
}

// writePage answers one page of items as {data, total}.
func writePage(w http.ResponseWriter, items []any, offset, limit int64) {
	total := int64(len(items))
	data := []any{}
	for i := offset; i < total && i < offset+limit; i++ {
		data = append(data, items[i])
	}
	writeJSON(w, http.StatusOK, map[string]any{"data": data, "total": total})
}

// handleGroups serves GET /api/groups.
func (s *Sandbox) handleGroups(w http.ResponseWriter, r *http.Request) {
	c := &checker{}
	offset, limit := pageParams(c, r)
	if c.errs != nil {
		writeValidation(w, c.errs)
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	items := make([]any, 0, len(s.groupOrder))
	for _, id := range s.groupOrder {
		items = append(items, s.groupView(s.groups[id]))
	}
	writePage(w, items, offset, limit)
}

// checkGroupBody checks a list's create or update body.
func checkGroupBody(c *checker, b body) (name string, description *string, def bool) {
	name, _ = c.str(b, "name", "name", true)
	if n := utf16Len(name); name != "" && (n < 3 || n > 50) {
		c.add("name", "The name must be 3 to 50 characters.")
	}
	if d, ok := c.str(b, "description", "description", false); ok {
		if n := utf16Len(d); n < 1 || n > 255 {
			c.add("description", "The description must be 1 to 255 characters.")
		}
		description = &d
	}
	c.boolean(b, "default", "default")
	if raw, ok := b["default"]; ok && present(raw) {
		_ = json.Unmarshal(raw, &def)
	}
	return name, description, def
}

// nameTaken reports another list of this name; the caller holds s.mu.
func (s *Sandbox) nameTaken(name string, except int64) bool {
	for _, g := range s.groups {
		if g.name == name && g.id != except {
			return true
		}
	}
	return false
}

// handleCreateGroup serves POST /api/groups: 201 with the new list.
func (s *Sandbox) handleCreateGroup(w http.ResponseWriter, r *http.Request) {
	b, ok := decodeBody(w, r)
	if !ok {
		return
	}
	c := &checker{}
	name, description, def := checkGroupBody(c, b)
	if c.errs != nil {
		writeValidation(w, c.errs)
		return
	}
	if s.takeCreateFaultBefore() {
		answerAfterCommit(w, "drop")
		return
	}
	s.mu.Lock()
	if s.nameTaken(name, 0) {
		s.mu.Unlock()
		writeRefusal(w, msgGroupExists)
		return
	}
	g := &group{id: s.nextGroupID, name: name, description: description, def: def, createdAt: s.clock.Now()}
	s.nextGroupID++
	s.groups[g.id] = g
	s.groupOrder = append(s.groupOrder, g.id)
	view := s.groupView(g)
	s.mu.Unlock()
	if mode := s.takeCreateFault(); mode != "" {
		answerAfterCommit(w, mode)
		return
	}
	writeJSON(w, http.StatusCreated, map[string]any{"data": view})
}

// handleGetGroup serves GET /api/groups/{id}.
func (s *Sandbox) handleGetGroup(w http.ResponseWriter, _ *http.Request, g *group) {
	writeJSON(w, http.StatusOK, map[string]any{"data": s.groupView(g)})
}

// handleUpdateGroup serves PUT /api/groups/{id}; an unknown id or a name
// another list has are the documented 422 answers.
func (s *Sandbox) handleUpdateGroup(w http.ResponseWriter, r *http.Request, g *group) {
	b, ok := decodeBody(w, r)
	if !ok {
		return
	}
	c := &checker{}
	name, description, def := checkGroupBody(c, b)
	if c.errs != nil {
		writeValidation(w, c.errs)
		return
	}
	if s.nameTaken(name, g.id) {
		writeRefusal(w, msgGroupExists)
		return
	}
	g.name, g.description, g.def = name, description, def
	writeJSON(w, http.StatusOK, map[string]any{"data": s.groupView(g)})
}

// handleDeleteGroup serves DELETE /api/groups/{id}: 204; the list's
// contacts stay in the contact book.
func (s *Sandbox) handleDeleteGroup(w http.ResponseWriter, _ *http.Request, g *group) {
	delete(s.groups, g.id)
	for i, id := range s.groupOrder {
		if id == g.id {
			s.groupOrder = append(s.groupOrder[:i], s.groupOrder[i+1:]...)
			break
		}
	}
	for _, ct := range s.contacts {
		delete(ct.groups, g.id)
	}
	w.WriteHeader(http.StatusNoContent)
}

// checkContactBody checks a contact's create or update body: phone an
// integer of 9 to 15 digits, groups existing list ids (at most 100), fields
// [{id, value}]. The caller holds s.mu.
func (s *Sandbox) checkContactBody(c *checker, b body) (string, map[int64]bool, map[string]string) {
	phone := ""
	if raw, ok := b["phone"]; !ok || !present(raw) {
		c.add("phone", "This value should not be blank.")
	} else {
		var n json.Number
		if raw[0] < '0' || raw[0] > '9' || json.Unmarshal(raw, &n) != nil || !digitsOnly(n.String()) {
			c.add("phone", "This value should be of type integer.")
		} else {
			phone = n.String()
			c.phoneNumber("phone", phone)
		}
	}
	items, _ := c.array(b, "groups", "groups", 0, 100)
	groups := s.groupIDs(c, items)
	fields := map[string]string{}
	list, _ := c.array(b, "fields", "fields", 0, 1000)
	ids := make([]int64, len(list))
	defer func() { s.checkContactFields(c, ids) }()
	for i, raw := range list {
		path := fmt.Sprintf("fields.%d", i)
		f, ok := c.objectAt(raw, path)
		if !ok {
			continue
		}
		var id int64
		if json.Unmarshal(f["id"], &id) != nil || id < 1 {
			c.add(path+".id", "This value should be a field id.")
		}
		ids[i] = id
		value, _ := c.str(f, "value", path+".value", false)
		fields[strconv.FormatInt(id, 10)] = value
	}
	return phone, groups, fields
}

// handleCreateContact serves POST /api/contacts: 201 with the contact.
func (s *Sandbox) handleCreateContact(w http.ResponseWriter, r *http.Request) {
	b, ok := decodeBody(w, r)
	if !ok {
		return
	}
	s.mu.Lock()
	c := &checker{}
	phone, groups, fields := s.checkContactBody(c, b)
	s.mu.Unlock()
	if c.errs != nil {
		writeValidation(w, c.errs)
		return
	}
	if s.takeCreateFaultBefore() {
		answerAfterCommit(w, "drop")
		return
	}
	s.mu.Lock()
	if _, taken := s.phones[phone]; taken {
		s.mu.Unlock()
		writeRefusal(w, msgPhoneExists)
		return
	}
	view := s.contactView(s.addContact(phone, fields, groups, s.clock.Now()))
	s.mu.Unlock()
	if mode := s.takeCreateFault(); mode != "" {
		answerAfterCommit(w, mode)
		return
	}
	writeJSON(w, http.StatusCreated, map[string]any{"data": view})
}

// handleContacts serves GET /api/contacts, with the groups[] filter.
func (s *Sandbox) handleContacts(w http.ResponseWriter, r *http.Request) {
	c := &checker{}
	offset, limit := pageParams(c, r)
	want := map[int64]bool{}
	for _, v := range r.URL.Query()["groups[]"] {
		id, err := strconv.ParseInt(v, 10, 64)
		if err != nil {
			c.add("groups", "This value should be of type integer.")
		}
		want[id] = true
	}
	if c.errs != nil {
		writeValidation(w, c.errs)
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.ignoresContactListFilter() {
		want = map[int64]bool{}
	}
	s.writeContacts(w, func(ct *contact) bool {
		for g := range want {
			if ct.groups[g] {
				return true
			}
		}
		return len(want) == 0
	}, offset, limit)
}

// handleSearchContacts serves GET /api/contacts/search with
// search[field] id or phone, search[operator] and search[value] (the
// OpenAPI file; "=" and, for phone, "like").
func (s *Sandbox) handleSearchContacts(w http.ResponseWriter, r *http.Request) {
	c := &checker{}
	offset, limit := pageParams(c, r)
	q := r.URL.Query()
	field := queryEnum(c, q.Get("search[field]"), "search[field]", "", "id", "phone")
	op := queryEnum(c, q.Get("search[operator]"), "search[operator]", "=", "=", "like")
	value := q.Get("search[value]")
	if c.errs != nil {
		writeValidation(w, c.errs)
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.writeContacts(w, func(ct *contact) bool {
		got := ct.phone
		if field == "id" {
			got = strconv.FormatInt(ct.id, 10)
		}
		switch {
		case field == "":
			return true
		case op == "like":
			return strings.Contains(got, strings.Trim(value, "%"))
		}
		return got == value
	}, offset, limit)
}

// writeContacts answers a page of the contacts keep accepts; the caller
// holds s.mu.
func (s *Sandbox) writeContacts(w http.ResponseWriter, keep func(*contact) bool, offset, limit int64) {
	var items []any
	for _, id := range s.contactOrder {
		if ct := s.contacts[id]; keep(ct) {
			items = append(items, s.contactView(ct))
		}
	}
	writePage(w, items, offset, limit)
}

// invalidContact is the contact pages' answer to an unknown id.
func invalidContact(w http.ResponseWriter) {
	writeRefusal(w, msgInvalidContact)
}

// groupNotFound is the list update page's answer to an unknown id.
func groupNotFound(w http.ResponseWriter) {
	writeRefusal(w, msgGroupNotFound)
}

// handleGetContact serves GET /api/contacts/{id}.
func (s *Sandbox) handleGetContact(w http.ResponseWriter, _ *http.Request, ct *contact) {
	writeJSON(w, http.StatusOK, map[string]any{"data": s.contactView(ct)})
}

// handleUpdateContact serves PUT /api/contacts/{id}: phone, lists and
// fields as given.
func (s *Sandbox) handleUpdateContact(w http.ResponseWriter, r *http.Request, ct *contact) {
	b, ok := decodeBody(w, r)
	if !ok {
		return
	}
	c := &checker{}
	phone, groups, fields := s.checkContactBody(c, b)
	if c.errs != nil {
		writeValidation(w, c.errs)
		return
	}
	if other, taken := s.phones[phone]; taken && other != ct.id {
		writeRefusal(w, msgPhoneExists)
		return
	}
	delete(s.phones, ct.phone)
	ct.phone, ct.groups, ct.fields = phone, groups, fields
	s.phones[phone] = ct.id
	writeJSON(w, http.StatusOK, map[string]any{"data": s.contactView(ct)})
}

// handleDeleteContact serves DELETE /api/contacts/{id}: 204; the contact
// leaves every list.
func (s *Sandbox) handleDeleteContact(w http.ResponseWriter, _ *http.Request, ct *contact) {
	delete(s.contacts, ct.id)
	delete(s.phones, ct.phone)
	for i, id := range s.contactOrder {
		if id == ct.id {
			s.contactOrder = append(s.contactOrder[:i], s.contactOrder[i+1:]...)
			break
		}
	}
	w.WriteHeader(http.StatusNoContent)
}

// Recipients returns the phones of a campaign's messages, in order (nil
// for an unknown campaign).
func (s *Sandbox) Recipients(campaignID int64) []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []string
	for _, m := range s.messages {
		if m.campaignID == campaignID && !m.skipped {
			out = append(out, m.phone)
		}
	}
	return out
}

// ContactListNames returns the names of the account's contact lists, in
// creation order.
func (s *Sandbox) ContactListNames() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]string, 0, len(s.groupOrder))
	for _, id := range s.groupOrder {
		out = append(out, s.groups[id].name)
	}
	return out
}

// ContactPhones returns the phones of the contact book, in creation order.
func (s *Sandbox) ContactPhones() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]string, 0, len(s.contactOrder))
	for _, id := range s.contactOrder {
		out = append(out, s.contacts[id].phone)
	}
	return out
}
