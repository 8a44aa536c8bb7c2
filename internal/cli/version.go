package cli

import (
	"fmt"

	"github.com/parleyproject/parley/internal/version"
)

func runVersion(e *env, args []string) error {
	fs := e.newFlagSet("version", "")
	if _, err := parseFlags(fs, args); err != nil {
		return err
	}
	fmt.Fprintln(e.stdout, "parley", version.String())
	return nil
}
