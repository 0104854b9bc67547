// Candidates the pass must not fold. Without remarks the output is exactly
// the input's; with report-declined each carries a remark saying why.

// RUN: lutfold-opt --split-input-file %s > %t.before
// RUN: lutfold-opt --split-input-file --tosa-fold-to-table %s > %t.after
// RUN: diff %t.before %t.after
// RUN: FileCheck %s --input-file=%t.after
// RUN: lutfold-opt --split-input-file --verify-diagnostics \
// RUN:   --tosa-fold-to-table="report-declined=true" %s > /dev/null

// CHECK-NOT: tosa.table

!out = !quant.uniform<i8:f32, 0.00390625:-128>

func.func @per_axis_input(%arg0: tensor<2x4x!quant.uniform<i8:f32:0, {0.1:1, 0.2:2}>>) -> tensor<2x4x!out> {
  %0 = quant.dcast %arg0 : tensor<2x4x!quant.uniform<i8:f32:0, {0.1:1, 0.2:2}>> to tensor<2x4xf32>
  // expected-remark@+1 {{not folded into a table: input of quant.dcast: element type '!quant.uniform<i8:f32:0, {1.000000e-01:1,2.000000e-01:2}>' is quantized per axis, not per tensor}}
  %1 = tosa.sigmoid %0 : (tensor<2x4xf32>) -> tensor<2x4xf32>
  %2 = quant.qcast %1 : tensor<2x4xf32> to tensor<2x4x!out>
  return %2 : tensor<2x4x!out>
}

// -----

!in = !quant.uniform<i8:f32, 0.05:3>

func.func @per_axis_output(%arg0: tensor<2x4x!in>) -> tensor<2x4x!quant.uniform<i8:f32:1, {0.1:1, 0.2:2, 0.3:3, 0.4:4}>> {
  %0 = quant.dcast %arg0 : tensor<2x4x!in> to tensor<2x4xf32>
  %1 = tosa.sigmoid %0 : (tensor<2x4xf32>) -> tensor<2x4xf32>
  // expected-remark@+1 {{not folded into a table: result of quant.qcast: element type}}
  %2 = quant.qcast %1 : tensor<2x4xf32> to tensor<2x4x!quant.uniform<i8:f32:1, {0.1:1, 0.2:2, 0.3:3, 0.4:4}>>
  return %2 : tensor<2x4x!quant.uniform<i8:f32:1, {0.1:1, 0.2:2, 0.3:3, 0.4:4}>>
}

// -----

!out = !quant.uniform<i8:f32, 0.00390625:-128>

func.func @u8_input(%arg0: tensor<4x!quant.uniform<u8:f32, 0.05:128>>) -> tensor<4x!out> {
  %0 = quant.dcast %arg0 : tensor<4x!quant.uniform<u8:f32, 0.05:128>> to tensor<4xf32>
  // expected-remark@+1 {{input of quant.dcast: storage type of '!quant.uniform<u8:f32, 5.000000e-02:128>' is not signed 8-bit}}
  %1 = tosa.sigmoid %0 : (tensor<4xf32>) -> tensor<4xf32>
  %2 = quant.qcast %1 : tensor<4xf32> to tensor<4x!out>
  return %2 : tensor<4x!out>
}

// -----

!in = !quant.uniform<i8:f32, 0.05:3>

func.func @u8_output(%arg0: tensor<4x!in>) -> tensor<4x!quant.uniform<u8:f32, 0.00390625>> {
  %0 = quant.dcast %arg0 : tensor<4x!in> to tensor<4xf32>
  %1 = tosa.sigmoid %0 : (tensor<4xf32>) -> tensor<4xf32>
  // expected-remark@+1 {{result of quant.qcast: storage type of '!quant.uniform<u8:f32, 3.906250e-03>' is not signed 8-bit}}
  %2 = quant.qcast %1 : tensor<4xf32> to tensor<4x!quant.uniform<u8:f32, 0.00390625>>
  return %2 : tensor<4x!quant.uniform<u8:f32, 0.00390625>>
}

// -----

!out = !quant.uniform<i8:f32, 0.00390625:-128>

func.func @i16_input(%arg0: tensor<4x!quant.uniform<i16:f32, 0.0005:0>>) -> tensor<4x!out> {
  %0 = quant.dcast %arg0 : tensor<4x!quant.uniform<i16:f32, 0.0005:0>> to tensor<4xf32>
  // expected-remark@+1 {{storage type of '!quant.uniform<i16:f32, 5.000000e-04>' is not signed 8-bit}}
  %1 = tosa.sigmoid %0 : (tensor<4xf32>) -> tensor<4xf32>
  %2 = quant.qcast %1 : tensor<4xf32> to tensor<4x!out>
  return %2 : tensor<4x!out>
}

// -----

!out = !quant.uniform<i8:f32, 0.00390625:-128>

func.func @i4_input(%arg0: tensor<4x!quant.uniform<i4:f32, 0.5:0>>) -> tensor<4x!out> {
  %0 = quant.dcast %arg0 : tensor<4x!quant.uniform<i4:f32, 0.5:0>> to tensor<4xf32>
  // expected-remark@+1 {{is not signed 8-bit}}
  %1 = tosa.sigmoid %0 : (tensor<4xf32>) -> tensor<4xf32>
  %2 = quant.qcast %1 : tensor<4xf32> to tensor<4x!out>
  return %2 : tensor<4x!out>
}

// -----

func.func @f16_expressed(%arg0: tensor<4x!quant.uniform<i8:f16, 0.05:3>>) -> tensor<4x!quant.uniform<i8:f16, 0.00390625:-128>> {
  %0 = quant.dcast %arg0 : tensor<4x!quant.uniform<i8:f16, 0.05:3>> to tensor<4xf16>
  // expected-remark@+1 {{input of quant.dcast: expressed type of '!quant.uniform<i8:f16, 5.000000e-02:3>' is not f32}}
  %1 = tosa.sigmoid %0 : (tensor<4xf16>) -> tensor<4xf16>
  %2 = quant.qcast %1 : tensor<4xf16> to tensor<4x!quant.uniform<i8:f16, 0.00390625:-128>>
  return %2 : tensor<4x!quant.uniform<i8:f16, 0.00390625:-128>>
}

// -----

func.func @bf16_expressed(%arg0: tensor<4x!quant.uniform<i8:bf16, 0.05:3>>) -> tensor<4x!quant.uniform<i8:bf16, 0.00390625:-128>> {
  %0 = quant.dcast %arg0 : tensor<4x!quant.uniform<i8:bf16, 0.05:3>> to tensor<4xbf16>
  // expected-remark@+1 {{expressed type of '!quant.uniform<i8:bf16, 5.000000e-02:3>' is not f32}}
  %1 = tosa.sigmoid %0 : (tensor<4xbf16>) -> tensor<4xbf16>
  %2 = quant.qcast %1 : tensor<4xbf16> to tensor<4x!quant.uniform<i8:bf16, 0.00390625:-128>>
  return %2 : tensor<4x!quant.uniform<i8:bf16, 0.00390625:-128>>
}

// -----

!in = !quant.uniform<i8:f32, 0.05:3>
!out = !quant.uniform<i8:f32, 0.00390625:-128>

func.func @op_before_sigmoid(%arg0: tensor<4x!in>) -> tensor<4x!out> {
  %0 = quant.dcast %arg0 : tensor<4x!in> to tensor<4xf32>
  %1 = tosa.abs %0 : (tensor<4xf32>) -> tensor<4xf32>
  // expected-remark@+1 {{not folded into a table: input is not produced by quant.dcast}}
  %2 = tosa.sigmoid %1 : (tensor<4xf32>) -> tensor<4xf32>
  %3 = quant.qcast %2 : tensor<4xf32> to tensor<4x!out>
  return %3 : tensor<4x!out>
}

func.func @op_after_sigmoid(%arg0: tensor<4x!in>) -> tensor<4x!out> {
  %0 = quant.dcast %arg0 : tensor<4x!in> to tensor<4xf32>
  // expected-remark@+1 {{not folded into a table: result is not quantized by quant.qcast}}
  %1 = tosa.sigmoid %0 : (tensor<4xf32>) -> tensor<4xf32>
  %2 = tosa.abs %1 : (tensor<4xf32>) -> tensor<4xf32>
  %3 = quant.qcast %2 : tensor<4xf32> to tensor<4x!out>
  return %3 : tensor<4x!out>
}

func.func @float_sigmoid(%arg0: tensor<4xf32>) -> tensor<4xf32> {
  // expected-remark@+1 {{input is not produced by quant.dcast}}
  %0 = tosa.sigmoid %arg0 : (tensor<4xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

func.func @float_result(%arg0: tensor<4x!in>) -> tensor<4xf32> {
  %0 = quant.dcast %arg0 : tensor<4x!in> to tensor<4xf32>
  // expected-remark@+1 {{result is not quantized by quant.qcast}}
  %1 = tosa.sigmoid %0 : (tensor<4xf32>) -> tensor<4xf32>
  return %1 : tensor<4xf32>
}

// -----

!out = !quant.uniform<i8:f32, 0.00390625:-128>

// The quant dialect accepts a zero point outside the storage range; the
// table cannot be built from it.
func.func @zero_point_outside_storage(%arg0: tensor<4x!quant.uniform<i8:f32, 0.05:200>>) -> tensor<4x!out> {
  %0 = quant.dcast %arg0 : tensor<4x!quant.uniform<i8:f32, 0.05:200>> to tensor<4xf32>
  // expected-remark@+1 {{input of quant.dcast: quantization of '!quant.uniform<i8:f32, 5.000000e-02:200>' is unusable: zero point 200 is outside the storage range [-128, 127]}}
  %1 = tosa.sigmoid %0 : (tensor<4xf32>) -> tensor<4xf32>
  %2 = quant.qcast %1 : tensor<4xf32> to tensor<4x!out>
  return %2 : tensor<4x!out>
}

// -----

!in = !quant.uniform<i8:f32, 0.05:3>
!out = !quant.uniform<i8:f32, 0.00390625:-128>

func.func @unranked(%arg0: tensor<*x!in>) -> tensor<*x!out> {
  %0 = quant.dcast %arg0 : tensor<*x!in> to tensor<*xf32>
  // expected-remark@+1 {{input of quant.dcast: type 'tensor<*x!quant.uniform<i8:f32, 5.000000e-02:3>>' is not a ranked tensor}}
  %1 = tosa.sigmoid %0 : (tensor<*xf32>) -> tensor<*xf32>
  %2 = quant.qcast %1 : tensor<*xf32> to tensor<*x!out>
  return %2 : tensor<*x!out>
}
