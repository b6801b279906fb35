module example.com/uuidlib

go 1.22
