package campaign

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"

	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/client"
)

// unprovenCreateError stops a contact-list create that an interrupted
// earlier apply of this working directory sent with the same content
// (client/journal.go): nothing proves which campaign it made, so nothing
// is adopted and nothing is sent until the user says which.
func unprovenCreateError(e *client.UnprovenCreateError) diag.Diagnostic {
	ids := make([]string, 0, len(e.Candidates))
	for _, c := range e.Candidates {
		ids = append(ids, strconv.FormatInt(c.ID, 10))
	}
	which := "No candidate is listed yet (the platform may list it later: apply again to look once more)."
	if len(ids) > 0 {
		which = fmt.Sprintf("Candidates: campaign(s) %s.", strings.Join(ids, ", "))
	}
	return diag.NewErrorDiagnostic("Campaign May Already Have Been Sent", fmt.Sprintf("Nothing was sent: %s.\n\n%s\n\n"+
		"If one of them is this resource's campaign, import it and apply again:\n\n  terraform import ADDRESS CAMPAIGN_ID\n\n"+
		"To send the campaign anyway (if the earlier apply did create one, its messages go out twice), delete the record "+
		"of the earlier send and apply again:\n\n  rm %s", e, which, e.Entry))
}
