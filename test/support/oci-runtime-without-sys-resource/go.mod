module example.com/oci-runtime-without-sys-resource

go 1.21
