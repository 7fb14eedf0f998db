package client_test

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/client"
	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/sandbox"
)

// TestOTPTemplateCalls: create, the taken name naming the template that
// has it, get, list, delete (twice), and the default template's refusal.
func TestOTPTemplateCalls(t *testing.T) {
	_, url := newSandbox(t, sandbox.Config{})
	c := newClient(t, url)
	ctx := context.Background()
	tpl, err := c.CreateOTPTemplate(ctx, client.OTPTemplateRequest{Name: "Login", Text: "Code {code2fa}", Countries: []string{"UA"}})
	if err != nil || tpl.Status != client.OTPTemplateRequested || tpl.Recovered != "" {
		t.Fatalf("create: %+v %v", tpl, err)
	}
	_, err = c.CreateOTPTemplate(ctx, client.OTPTemplateRequest{Name: "Login", Text: "Other {code2fa}"})
	var dup *client.DuplicateOTPTemplateNameError
	if !errors.As(err, &dup) || dup.ExistingID != tpl.TemplateID {
		t.Fatalf("taken name: %v, want one naming template %d", err, tpl.TemplateID)
	}
	_, err = c.CreateOTPTemplate(ctx, client.OTPTemplateRequest{Name: "Bad", Text: "no code"})
	if !client.IsUnprocessable(err) || !strings.Contains(err.Error(), "The variable {code2fa} is required in the text") {
		t.Errorf("text without the code: %v, want the API's sentence in the error", err)
	}
	var names []string
	if err := c.EachOTPTemplate(ctx, "", func(o *client.OTPTemplate) bool { names = append(names, o.Name); return true }); err != nil ||
		strings.Join(names, ",") != "Default,Login" {
		t.Errorf("list: %v %v", names, err)
	}
	if err := c.DeleteOTPTemplate(ctx, tpl.TemplateID); err != nil {
		t.Fatal(err)
	}
	if _, err := c.GetOTPTemplate(ctx, tpl.TemplateID); !client.IsNotFound(err) {
		t.Errorf("read of a deleted template: %v, want not found", err)
	}
	if err := c.DeleteOTPTemplate(ctx, tpl.TemplateID); err != nil {
		t.Errorf("second delete: %v, want nil", err)
	}
	var def *client.DefaultOTPTemplateError
	if err := c.DeleteOTPTemplate(ctx, sandbox.OTPDefaultTemplateID); !errors.As(err, &def) {
		t.Errorf("delete of the default template: %v, want a DefaultOTPTemplateError", err)
	}
}

// TestLostOTPTemplateCreateIsRecoveredByName: sent once; a lost answer is
// recovered by the unique name, or, when nothing was made, sent again.
func TestLostOTPTemplateCreateIsRecoveredByName(t *testing.T) {
	for mode, want := range map[string]struct {
		creates int
		how     string
	}{"drop": {1, "name"}, "500": {1, "name"}, "429": {1, "name"}, "drop_before": {2, "second request"}} {
		t.Run(mode, func(t *testing.T) {
			sb, url := newSandbox(t, sandbox.Config{})
			c := newClient(t, url)
			sb.SetFaults(sandbox.Faults{CreateAfterCommit: mode, CreateAfterCommitCount: 1})
			tpl, err := c.CreateOTPTemplate(context.Background(), client.OTPTemplateRequest{Name: "Login", Text: "Code {code2fa}"})
			if err != nil {
				t.Fatalf("the template was not recovered: %v", err)
			}
			if n := sb.Count("POST /api/2fa/authentications/templates"); n != want.creates {
				t.Errorf("creates = %d, want %d", n, want.creates)
			}
			if !strings.Contains(tpl.Recovered, want.how) {
				t.Errorf("Recovered = %q, want it to say %q", tpl.Recovered, want.how)
			}
			if names := sb.OTPTemplateNames(); len(names) != 2 {
				t.Errorf("templates %v, want Default and one Login", names)
			}
		})
	}
}

// TestOTPTemplateAnswersOfTheOpenAPIFile decodes the file's examples:
// the list's {"data": {"list", "total"}} and an errors list of sentences.
func TestOTPTemplateAnswersOfTheOpenAPIFile(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		switch {
		case r.URL.Path == "/api/auth/login":
			_, _ = w.Write([]byte(`{"bearer":"x.y.z"}`))
		case r.Method == http.MethodDelete:
			w.WriteHeader(http.StatusUnprocessableEntity)
			_, _ = w.Write([]byte(`{"message":"The given data was invalid.","errors":["Default template is not available for deletion"]}`))
		default:
			_, _ = w.Write([]byte(`{"data":{"total":1,"list":[{"updated_at":"2000-01-23T04:56:07.000+00:00","name":"template name",` +
				`"template_id":515,"text":"test code is {code2fa}","countries":["UA","PT","AD","IT"],"status":"requested"}]}}`))
		}
	}))
	t.Cleanup(srv.Close)
	c := newClient(t, srv.URL)
	var got []client.OTPTemplate
	err := c.EachOTPTemplate(context.Background(), "", func(o *client.OTPTemplate) bool { got = append(got, *o); return true })
	if err != nil || len(got) != 1 || got[0].TemplateID != 515 || len(got[0].Countries) != 4 || got[0].UpdatedAt != "2000-01-23T04:56:07.000+00:00" {
		t.Errorf("list: %+v %v", got, err)
	}
	var def *client.DefaultOTPTemplateError
	if err := c.DeleteOTPTemplate(context.Background(), 1); !errors.As(err, &def) {
		t.Errorf("the default template's refusal: %v", err)
	}
}
