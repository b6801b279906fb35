module example.com/ifaces

go 1.22
