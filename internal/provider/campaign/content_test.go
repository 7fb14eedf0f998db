package campaign

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/provider/framework"
)

// TestEveryChannelHasItsFile: each entry of the channel table is a content
// block registered from a file named after it (viber.go), and that file is
// the only one here that names the block in a string.
func TestEveryChannelHasItsFile(t *testing.T) {
	t.Parallel()
	for _, ch := range framework.Channels {
		c, ok := contentNamed(ch.Block)
		if !ok {
			t.Errorf("framework.Channels has %s, but no file here registers its content block (%s.go)", ch.Block, ch.Block)
			continue
		}
		if c.attribute == nil || c.request == nil || c.what == "" {
			t.Errorf("content block %s has no schema, request or what", ch.Block)
		}
		if _, err := os.Stat(ch.Block + ".go"); err != nil {
			t.Errorf("content block %s: %v", ch.Block, err)
		}
	}
	if len(contentBlocks()) != len(framework.Channels) {
		t.Errorf("%d content blocks registered, %d channels in the table", len(contentBlocks()), len(framework.Channels))
	}
}

// TestChannelNamesLiveInTheirFiles: outside its own file (and this
// package's tests), no file of the provider writes a block's name, or a
// channel's title, as a string literal: what it needs comes from the
// table or the block. Text in longer strings (descriptions) is not
// checked.
func TestChannelNamesLiveInTheirFiles(t *testing.T) {
	t.Parallel()
	owner := map[string]string{}
	for _, ch := range framework.Channels {
		if ch.Block != "sms" { // "sms" is also the API's name of the SMS fallback and of the price call's type
			owner[ch.Block] = ch.Block + ".go"
		}
		owner[ch.Title] = "framework/channels.go"
	}
	var files []string
	for _, family := range []string{"campaign", "message", "stoplist", "framework"} { // account's senders have types of their own
		matches, err := filepath.Glob("../" + family + "/*.go")
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, matches...)
	}
	for _, file := range files {
		if strings.HasSuffix(file, "_test.go") || file == "../framework/channels.go" {
			continue
		}
		f, err := parser.ParseFile(token.NewFileSet(), file, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			lit, ok := n.(*ast.BasicLit)
			if !ok || lit.Kind != token.STRING {
				return true
			}
			s, err := strconv.Unquote(lit.Value)
			if want, named := owner[s]; err == nil && named && filepath.Base(file) != want {
				t.Errorf("%s writes %q: it belongs to %s (framework.Channels, or the block's file)", file, s, want)
			}
			return true
		})
	}
}
