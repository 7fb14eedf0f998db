package sandbox

import (
	"encoding/json"
	"fmt"
	"net/http"
	"sort"
)

// Custom contact fields and list membership, as the OpenAPI file documents
// them (contact_fields, contact_field_create, contact_field_update,
// post_contactsFieldsDelete, contact_list_attach, contact_list_detach):
//
//   - GET /api/contacts/fields answers {data: [fields]}, every field, no
//     pages; POST creates {name 1..30, description 1..255, is_visible
//     (default true), type} and answers 201; PATCH /api/contacts/fields/{id}
//     changes name, description or is_visible (not the type); POST
//     /api/contacts/fields/delete {ids: 1..30} answers 204, and every contact
//     loses its values of those fields.
//   - type: the enum says text, date and number; its description names
//     string, integer and datetime. The stand-in takes the enum's values
//     (what the example sends) and refuses the others, so that a client
//     that sends the description's words is caught.
//   - A contact's fields must name existing fields: the stand-in refuses
//     another id ("The selected fields.N.id is invalid.", its own wording:
//     no page documents one), so that a client sending a wrong id is caught.
//   - POST /api/groups/attach and /detach {contacts: 1..200, groups: 1..100}
//     add existing contacts to existing lists, or take them out; 200.
//
// The stand-in starts with the documentation's example field, 387714
// "country".

// field is a custom contact field.
type field struct {
	id          int64
	name        string
	description *string
	typ         string
	visible     bool
}

func (s *Sandbox) seedFields() {
	desc := "The country name"
	s.fields[387714] = &field{id: 387714, name: "country", description: &desc, typ: "text", visible: true}
	s.nextFieldID = 387715
}

func fieldView(f *field) map[string]any {
	return map[string]any{"id": f.id, "name": f.name, "description": f.description, "type": f.typ, "is_visible": f.visible}
}

// handleFields serves GET /api/contacts/fields.
func (s *Sandbox) handleFields(w http.ResponseWriter, _ *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	ids := make([]int64, 0, len(s.fields))
	for id := range s.fields {
		ids = append(ids, id)
	}
	sort.Slice(ids, func(i, j int) bool { return ids[i] < ids[j] })
	mark, lagging := s.takeHideNewFields()
	data := []any{}
	for _, id := range ids {
		if lagging && id >= mark {
			continue
		}
		data = append(data, fieldView(s.fields[id]))
	}
	writeJSON(w, http.StatusOK, map[string]any{"data": data})
}

// checkFieldBody checks a create (all) or update (what it has) body.
func checkFieldBody(c *checker, b body, create bool) (name string, description *string, typ string) {
	name, _ = c.str(b, "name", "name", create)
	if _, ok := b["name"]; ok {
		if n := utf16Len(name); n < 1 || n > 30 {
			c.add("name", "The name must be 1 to 30 characters.")
		}
	}
	if d, ok := c.str(b, "description", "description", false); ok {
		if n := utf16Len(d); n < 1 || n > 255 {
			c.add("description", "The description must be 1 to 255 characters.")
		}
		description = &d
	}
	c.boolean(b, "is_visible", "is_visible")
	if create {
		typ, _ = c.str(b, "type", "type", true)
		if typ != "" && typ != "text" && typ != "date" && typ != "number" {
			c.add("type", "The selected type is invalid.")
		}
	} else if _, ok := b["type"]; ok {
		c.add("type", "The type of a field cannot be changed.")
	}
	return name, description, typ
}

// handleCreateField serves POST /api/contacts/fields.
func (s *Sandbox) handleCreateField(w http.ResponseWriter, r *http.Request) {
	b, ok := decodeBody(w, r)
	if !ok {
		return
	}
	c := &checker{}
	name, description, typ := checkFieldBody(c, b, true)
	if c.errs != nil {
		writeValidation(w, c.errs)
		return
	}
	if s.takeCreateFaultBefore() {
		answerAfterCommit(w, "drop")
		return
	}
	s.mu.Lock()
	f := &field{id: s.nextFieldID, name: name, description: description, typ: typ, visible: flag(b, "is_visible", true)}
	s.nextFieldID++
	s.fields[f.id] = f
	view := fieldView(f)
	if s.takeFieldAnswersOther() {
		view = fieldView(s.oldestFieldBut(f.id))
	}
	s.mu.Unlock()
	if mode := s.takeCreateFault(); mode != "" {
		answerAfterCommit(w, mode)
		return
	}
	writeJSON(w, http.StatusCreated, map[string]any{"data": view})
}

// oldestFieldBut is the account's oldest field other than id (id itself
// when it is the only one); the caller holds s.mu.
func (s *Sandbox) oldestFieldBut(id int64) *field {
	var oldest *field
	for fid, f := range s.fields {
		if fid != id && (oldest == nil || fid < oldest.id) {
			oldest = f
		}
	}
	if oldest == nil {
		return s.fields[id]
	}
	return oldest
}

// handleUpdateField serves PATCH /api/contacts/fields/{id}.
func (s *Sandbox) handleUpdateField(w http.ResponseWriter, r *http.Request, f *field) {
	b, ok := decodeBody(w, r)
	if !ok {
		return
	}
	c := &checker{}
	name, description, _ := checkFieldBody(c, b, false)
	if c.errs != nil {
		writeValidation(w, c.errs)
		return
	}
	if _, ok := b["name"]; ok {
		f.name = name
	}
	if raw, ok := b["description"]; ok {
		if present(raw) {
			f.description = description
		} else {
			f.description = nil
		}
	}
	f.visible = flag(b, "is_visible", f.visible)
	writeJSON(w, http.StatusOK, map[string]any{"data": fieldView(f)})
}

// handleDeleteFields serves POST /api/contacts/fields/delete.
func (s *Sandbox) handleDeleteFields(w http.ResponseWriter, r *http.Request) {
	b, ok := decodeBody(w, r)
	if !ok {
		return
	}
	c := &checker{}
	items, ok := c.array(b, "ids", "ids", 1, 30)
	if !ok {
		c.add("ids", "This value should not be blank.")
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	var ids []int64
	for i, raw := range items {
		var id int64
		if json.Unmarshal(raw, &id) != nil || s.fields[id] == nil {
			c.add(fmt.Sprintf("ids.%d", i), "The selected ids.%d is invalid.", i)
			continue
		}
		ids = append(ids, id)
	}
	if c.errs != nil {
		writeValidation(w, c.errs)
		return
	}
	for _, id := range ids {
		delete(s.fields, id)
		key := fmt.Sprint(id)
		for _, ct := range s.contacts {
			delete(ct.fields, key)
		}
	}
	w.WriteHeader(http.StatusNoContent)
}

// membershipBody reads the contacts and groups of an attach or detach:
// existing ids, 1..200 and 1..100. The caller holds s.mu.
func (s *Sandbox) membershipBody(c *checker, b body) ([]*contact, map[int64]bool) {
	items, ok := c.array(b, "contacts", "contacts", 1, 200)
	if !ok {
		c.add("contacts", "This value should not be blank.")
	}
	var contacts []*contact
	for i, raw := range items {
		var id int64
		if json.Unmarshal(raw, &id) != nil || s.contacts[id] == nil {
			c.add(fmt.Sprintf("contacts.%d", i), msgInvalidContact)
			continue
		}
		contacts = append(contacts, s.contacts[id])
	}
	groupItems, ok := c.array(b, "groups", "groups", 1, 100)
	if !ok {
		c.add("groups", "This value should not be blank.")
	}
	return contacts, s.groupIDs(c, groupItems)
}

// handleMembership serves POST /api/groups/attach (in) and /detach.
func (s *Sandbox) handleMembership(in bool) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		b, ok := decodeBody(w, r)
		if !ok {
			return
		}
		c := &checker{}
		if s.takeCreateFaultBefore() {
			answerAfterCommit(w, "drop")
			return
		}
		s.mu.Lock()
		contacts, groups := s.membershipBody(c, b)
		if c.errs != nil {
			s.mu.Unlock()
			writeValidation(w, c.errs)
			return
		}
		for _, ct := range contacts {
			for g := range groups {
				if in {
					ct.groups[g] = true
				} else {
					delete(ct.groups, g)
				}
			}
		}
		s.mu.Unlock()
		if mode := s.takeCreateFault(); mode != "" {
			answerAfterCommit(w, mode)
			return
		}
		msg := "Successful attached"
		if !in {
			msg = "Successful detached"
		}
		writeJSON(w, http.StatusOK, map[string]any{"message": msg})
	}
}

// checkContactFields refuses field ids the account does not have; the
// caller holds s.mu.
func (s *Sandbox) checkContactFields(c *checker, ids []int64) {
	for i, id := range ids {
		if id > 0 && s.fields[id] == nil {
			c.add(fmt.Sprintf("fields.%d.id", i), "The selected fields.%d.id is invalid.", i)
		}
	}
}

// FieldNames lists the account's custom fields by id.
func (s *Sandbox) FieldNames() map[int64]string {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := map[int64]string{}
	for id, f := range s.fields {
		out[id] = f.name
	}
	return out
}

// ContactFieldValues are the custom field values of the contact with this
// phone, by field id (nil when the contact book has no such contact).
func (s *Sandbox) ContactFieldValues(phone string) map[string]string {
	s.mu.Lock()
	defer s.mu.Unlock()
	ct := s.contacts[s.phones[phone]]
	if ct == nil {
		return nil
	}
	out := map[string]string{}
	for k, v := range ct.fields {
		out[k] = v
	}
	return out
}
