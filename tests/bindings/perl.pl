# Binding test: Perl's DBI with DBD::SQLite (Debian's libdbd-sqlite3-perl).
#
# Usage: perl tests/bindings/perl.pl EXTENSION CASES [SQLITE_VERSION]
#
# Loads koai into each new connection with sqlite_load_extension and runs
# the cases of tests/bindings/cases.txt (its header says the format), with
# Perl strings as characters (sqlite_string_mode UNICODE_STRICT).
# DBD::SQLite can be built with a copy of SQLite of its own; with
# SQLITE_VERSION, this also checks that it runs that SQLite (the system's).
# Prints one line per case and "N passed, N failed" last.
use strict;
use warnings;
use DBI;
use DBD::SQLite::Constants qw(:dbd_sqlite_string_mode);

binmode STDOUT, ':encoding(UTF-8)';

# The cases of the file as hashes: name, sql, param, expected.
sub read_cases {
    my ($path) = @_;
    open my $f, '<:encoding(UTF-8)', $path or die "$path: $!";
    my (@cases, $c);
    while (my $line = <$f>) {
        chomp $line;
        next if $line eq '' || $line =~ /^#/;
        if ($line =~ /^== (.*)/) {
            $c = { name => $1, sql => [], param => undef, expected => undef };
            push @cases, $c;
        } elsif (defined $c->{expected}) {
            push @{ $c->{expected} }, $line;
        } elsif ($line eq '--') {
            $c->{expected} = [];
        } elsif ($line =~ /^\? (.*)/) {
            $c->{param} = $1;
        } else {
            push @{ $c->{sql} }, $line;
        }
    }
    close $f;
    return @cases;
}

sub connect_db {
    return DBI->connect('dbi:SQLite:dbname=:memory:', '', '', {
        RaiseError => 1, PrintError => 0,
        sqlite_string_mode => DBD_SQLITE_STRING_MODE_UNICODE_STRICT,
    });
}

# The query's rows as text lines, or ("! message") when it fails.
sub run_case {
    my ($extension, $c) = @_;
    my $dbh = connect_db();
    $dbh->sqlite_enable_load_extension(1);
    $dbh->sqlite_load_extension($extension);
    $dbh->sqlite_enable_load_extension(0);
    my @sql = @{ $c->{sql} };
    my $query = pop @sql;
    $dbh->do($_) for @sql;
    my @params = defined $c->{param} ? ($c->{param}) : ();
    my $rows = eval { $dbh->selectall_arrayref($query, undef, @params) };
    my @got = defined $rows ? map { "$_->[0]" } @$rows : ("! $@");
    $dbh->disconnect;
    return @got;
}

my ($extension, $cases_path, $system_version) = @ARGV;
my ($passed, $failed) = (0, 0);
if (defined $system_version) {
    my $version = connect_db()->{sqlite_version};
    if ($version eq $system_version) {
        $passed++;
        print "PASS DBD::SQLite runs the system's SQLite $version\n";
    } else {
        $failed++;
        print "FAIL DBD::SQLite runs SQLite $version, not the system's $system_version\n";
    }
}
for my $c (read_cases($cases_path)) {
    my @want = @{ $c->{expected} };
    my @got = eval { run_case($extension, $c) };
    @got = ("error outside the query: $@") if $@;
    my $ok;
    if (@want == 1 && $want[0] =~ /^! (.*)/) {
        my $message = $1;
        $ok = @got == 1 && $got[0] =~ /^! / && index($got[0], $message) >= 0;
    } else {
        $ok = join("\n", @got) eq join("\n", @want) && @got == @want;
    }
    if ($ok) {
        $passed++;
        print "PASS $c->{name}\n";
    } else {
        $failed++;
        print "FAIL $c->{name}\n";
        print "  expected: ", join("\n            ", @want), "\n";
        print "  got:      ", join("\n            ", @got), "\n";
    }
}
print "perl: $passed passed, $failed failed\n";
exit($failed ? 1 : 0);
