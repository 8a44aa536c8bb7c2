// Command parley reads news about diplomacy and keeps a structured, sourced
// record of the relations between states.
package main

import (
	"os"

	"github.com/parleyproject/parley/internal/cli"
)

func main() { os.Exit(cli.Main(os.Args[1:], os.Stdin, os.Stdout, os.Stderr)) }
