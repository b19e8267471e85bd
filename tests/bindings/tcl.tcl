# Binding test: Tcl's sqlite3 package (Debian's libsqlite3-tcl).
#
# Usage: tclsh tests/bindings/tcl.tcl EXTENSION CASES [SQLITE_VERSION]
#
# Loads koai into each new connection with load_extension() after
# `db enable_load_extension 1` and runs the cases of
# tests/bindings/cases.txt (its header says the format).  Tcl binds
# variables by name, so the query's `?` becomes `:param`.  With
# SQLITE_VERSION, also checks that the package runs that SQLite (the
# system's).  Prints one line per case and "N passed, N failed" last.

package require sqlite3
fconfigure stdout -encoding utf-8

# The cases of the file as a list of dicts: name, sql, param, expected.
proc read_cases {path} {
    set f [open $path r]
    fconfigure $f -encoding utf-8
    set cases {}
    set c {}
    foreach line [split [read $f] "\n"] {
        if {$line eq "" || [string index $line 0] eq "#"} continue
        if {[string range $line 0 2] eq "== "} {
            if {$c ne {}} { lappend cases $c }
            set c [dict create name [string range $line 3 end] sql {} \
                       param {} has_param 0 expected {} in_expected 0]
        } elseif {[dict get $c in_expected]} {
            dict lappend c expected $line
        } elseif {$line eq "--"} {
            dict set c in_expected 1
        } elseif {[string range $line 0 1] eq "? "} {
            dict set c param [string range $line 2 end]
            dict set c has_param 1
        } else {
            dict lappend c sql $line
        }
    }
    if {$c ne {}} { lappend cases $c }
    close $f
    return $cases
}

# The query's rows as text lines, or {"! message"} when it fails.
proc run_case {extension c} {
    sqlite3 db :memory:
    db enable_load_extension 1
    db eval {SELECT load_extension($extension)}
    db enable_load_extension 0
    set sql [dict get $c sql]
    foreach stmt [lrange $sql 0 end-1] { db eval $stmt }
    set query [lindex $sql end]
    if {[dict get $c has_param]} {
        set param [dict get $c param]
        set query [string map {? :param} $query]
    }
    set got {}
    if {[catch {
        db eval $query row { lappend got $row([lindex $row(*) 0]) }
    } msg]} {
        set got [list "! $msg"]
    }
    db close
    return $got
}

lassign $argv extension cases_path system_version
set passed 0
set failed 0
if {$system_version ne ""} {
    sqlite3 db :memory:
    set version [db version]
    db close
    if {$version eq $system_version} {
        incr passed
        puts "PASS the package runs the system's SQLite $version"
    } else {
        incr failed
        puts "FAIL the package runs SQLite $version, not the system's $system_version"
    }
}
foreach c [read_cases $cases_path] {
    set want [dict get $c expected]
    if {[catch {run_case $extension $c} got]} {
        set got [list "error outside the query: $got"]
    }
    if {[llength $want] == 1 && [string range [lindex $want 0] 0 1] eq "! "} {
        set ok [expr {[llength $got] == 1 &&
                      [string range [lindex $got 0] 0 1] eq "! " &&
                      [string first [string range [lindex $want 0] 2 end] \
                           [lindex $got 0]] >= 0}]
    } else {
        set ok [expr {$got eq $want}]
    }
    if {$ok} {
        incr passed
        puts "PASS [dict get $c name]"
    } else {
        incr failed
        puts "FAIL [dict get $c name]"
        puts "  expected: [join $want "\n            "]"
        puts "  got:      [join $got "\n            "]"
    }
}
puts "tcl: $passed passed, $failed failed"
exit [expr {$failed ? 1 : 0}]
