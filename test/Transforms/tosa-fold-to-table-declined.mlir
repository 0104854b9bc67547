// Quantizes the pass must not fold. Without remarks the output is exactly the
// input's; with report-declined each carries a remark saying why.

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
  %1 = tosa.sigmoid %0 : (tensor<2x4xf32>) -> tensor<2x4xf32>
  // expected-remark@+1 {{not folded into a table: input of quant.dcast: element type '!quant.uniform<i8:f32:0, {1.000000e-01:1,2.000000e-01:2}>' is quantized per axis, not per tensor}}
  %2 = quant.qcast %1 : tensor<2x4xf32> to tensor<2x4x!out>
  return %2 : tensor<2x4x!out>
}

// -----

!in = !quant.uniform<i8:f32, 0.05:3>

func.func @per_axis_output(%arg0: tensor<2x4x!in>) -> tensor<2x4x!quant.uniform<i8:f32:1, {0.1:1, 0.2:2, 0.3:3, 0.4:4}>> {
  %0 = quant.dcast %arg0 : tensor<2x4x!in> to tensor<2x4xf32>
  %1 = tosa.sigmoid %0 : (tensor<2x4xf32>) -> tensor<2x4xf32>
  // expected-remark@+1 {{not folded into a table: result of quant.qcast: element type '!quant.uniform<i8:f32:1, {1.000000e-01:1,2.000000e-01:2,3.000000e-01:3,4.000000e-01:4}>' is quantized per axis, not per tensor}}
  %2 = quant.qcast %1 : tensor<2x4xf32> to tensor<2x4x!quant.uniform<i8:f32:1, {0.1:1, 0.2:2, 0.3:3, 0.4:4}>>
  return %2 : tensor<2x4x!quant.uniform<i8:f32:1, {0.1:1, 0.2:2, 0.3:3, 0.4:4}>>
}

// -----

!out = !quant.uniform<i8:f32, 0.00390625:-128>

func.func @u8_input(%arg0: tensor<4x!quant.uniform<u8:f32, 0.05:128>>) -> tensor<4x!out> {
  %0 = quant.dcast %arg0 : tensor<4x!quant.uniform<u8:f32, 0.05:128>> to tensor<4xf32>
  %1 = tosa.sigmoid %0 : (tensor<4xf32>) -> tensor<4xf32>
  // expected-remark@+1 {{input of quant.dcast: storage type of '!quant.uniform<u8:f32, 5.000000e-02:128>' is not signed 8- or 16-bit}}
  %2 = quant.qcast %1 : tensor<4xf32> to tensor<4x!out>
  return %2 : tensor<4x!out>
}

// -----

!in = !quant.uniform<i8:f32, 0.05:3>

func.func @u8_output(%arg0: tensor<4x!in>) -> tensor<4x!quant.uniform<u8:f32, 0.00390625>> {
  %0 = quant.dcast %arg0 : tensor<4x!in> to tensor<4xf32>
  %1 = tosa.sigmoid %0 : (tensor<4xf32>) -> tensor<4xf32>
  // expected-remark@+1 {{result of quant.qcast: storage type of '!quant.uniform<u8:f32, 3.906250e-03>' is not signed 8- or 16-bit}}
  %2 = quant.qcast %1 : tensor<4xf32> to tensor<4x!quant.uniform<u8:f32, 0.00390625>>
  return %2 : tensor<4x!quant.uniform<u8:f32, 0.00390625>>
}

// -----

// An i8 TABLE returns i8; an i16 result would be a widened copy of it.
func.func @i8_input_i16_output(%arg0: tensor<4x!quant.uniform<i8:f32, 0.05:0>>) -> tensor<4x!quant.uniform<i16:f32, 0.0001:0>> {
  %0 = quant.dcast %arg0 : tensor<4x!quant.uniform<i8:f32, 0.05:0>> to tensor<4xf32>
  %1 = tosa.sigmoid %0 : (tensor<4xf32>) -> tensor<4xf32>
  // expected-remark@+1 {{an 8-bit input needs an 8-bit output, but the result of quant.qcast has 16-bit storage}}
  %2 = quant.qcast %1 : tensor<4xf32> to tensor<4x!quant.uniform<i16:f32, 0.0001:0>>
  return %2 : tensor<4x!quant.uniform<i16:f32, 0.0001:0>>
}

// -----

!out = !quant.uniform<i8:f32, 0.00390625:-128>

func.func @i4_input(%arg0: tensor<4x!quant.uniform<i4:f32, 0.5:0>>) -> tensor<4x!out> {
  %0 = quant.dcast %arg0 : tensor<4x!quant.uniform<i4:f32, 0.5:0>> to tensor<4xf32>
  %1 = tosa.sigmoid %0 : (tensor<4xf32>) -> tensor<4xf32>
  // expected-remark@+1 {{is not signed 8- or 16-bit}}
  %2 = quant.qcast %1 : tensor<4xf32> to tensor<4x!out>
  return %2 : tensor<4x!out>
}

// -----

func.func @f16_expressed(%arg0: tensor<4x!quant.uniform<i8:f16, 0.05:3>>) -> tensor<4x!quant.uniform<i8:f16, 0.00390625:-128>> {
  %0 = quant.dcast %arg0 : tensor<4x!quant.uniform<i8:f16, 0.05:3>> to tensor<4xf16>
  %1 = tosa.sigmoid %0 : (tensor<4xf16>) -> tensor<4xf16>
  // expected-remark@+1 {{result of quant.qcast: expressed type of '!quant.uniform<i8:f16, 3.906250e-03:-128>' is not f32}}
  %2 = quant.qcast %1 : tensor<4xf16> to tensor<4x!quant.uniform<i8:f16, 0.00390625:-128>>
  return %2 : tensor<4x!quant.uniform<i8:f16, 0.00390625:-128>>
}

// -----

!out = !quant.uniform<i8:f32, 0.00390625:-128>

// The dequantize is to bf16 and the island casts up to f32: the input's
// expressed type is still not f32.
func.func @bf16_expressed_input(%arg0: tensor<4x!quant.uniform<i8:bf16, 0.05:3>>) -> tensor<4x!out> {
  %0 = quant.dcast %arg0 : tensor<4x!quant.uniform<i8:bf16, 0.05:3>> to tensor<4xbf16>
  %1 = tosa.cast %0 : (tensor<4xbf16>) -> tensor<4xf32>
  %2 = tosa.sigmoid %1 : (tensor<4xf32>) -> tensor<4xf32>
  // expected-remark@+1 {{not folded into a table: quant.dcast produces 'tensor<4xbf16>', not f32}}
  %3 = quant.qcast %2 : tensor<4xf32> to tensor<4x!out>
  return %3 : tensor<4x!out>
}

// -----

!in = !quant.uniform<i8:f32, 0.05:3>
!out = !quant.uniform<i8:f32, 0.00390625:-128>

func.func @shape_op_before_sigmoid(%arg0: tensor<4x!in>) -> tensor<?x!out> {
  %0 = quant.dcast %arg0 : tensor<4x!in> to tensor<4xf32>
  %1 = tensor.cast %0 : tensor<4xf32> to tensor<?xf32>
  %2 = tosa.sigmoid %1 : (tensor<?xf32>) -> tensor<?xf32>
  // expected-remark@+1 {{not folded into a table: 'tensor.cast' is not a TOSA operation; islands hold TOSA element-wise operations}}
  %3 = quant.qcast %2 : tensor<?xf32> to tensor<?x!out>
  return %3 : tensor<?x!out>
}

func.func @float_input(%arg0: tensor<4xf32>) -> tensor<4x!out> {
  %0 = tosa.sigmoid %arg0 : (tensor<4xf32>) -> tensor<4xf32>
  // expected-remark@+1 {{not folded into a table: the island reads a block argument other than its quantized input}}
  %1 = quant.qcast %0 : tensor<4xf32> to tensor<4x!out>
  return %1 : tensor<4x!out>
}

// No quantize: nothing to fold, nothing to report.
func.func @float_result(%arg0: tensor<4x!in>) -> tensor<4xf32> {
  %0 = quant.dcast %arg0 : tensor<4x!in> to tensor<4xf32>
  %1 = tosa.sigmoid %0 : (tensor<4xf32>) -> tensor<4xf32>
  return %1 : tensor<4xf32>
}

// A requantize is not a float island.
func.func @requantize(%arg0: tensor<4x!in>) -> tensor<4x!out> {
  %0 = quant.dcast %arg0 : tensor<4x!in> to tensor<4xf32>
  // expected-remark@+1 {{not folded into a table: no operation between quant.dcast and quant.qcast}}
  %1 = quant.qcast %0 : tensor<4xf32> to tensor<4x!out>
  return %1 : tensor<4x!out>
}

// -----

!out = !quant.uniform<i8:f32, 0.00390625:-128>

// The quant dialect accepts a zero point outside the storage range; the
// table cannot be built from it.
func.func @zero_point_outside_storage(%arg0: tensor<4x!quant.uniform<i8:f32, 0.05:200>>) -> tensor<4x!out> {
  %0 = quant.dcast %arg0 : tensor<4x!quant.uniform<i8:f32, 0.05:200>> to tensor<4xf32>
  %1 = tosa.sigmoid %0 : (tensor<4xf32>) -> tensor<4xf32>
  // expected-remark@+1 {{input of quant.dcast: quantization of '!quant.uniform<i8:f32, 5.000000e-02:200>' is unusable: zero point 200 is outside the storage range [-128, 127]}}
  %2 = quant.qcast %1 : tensor<4xf32> to tensor<4x!out>
  return %2 : tensor<4x!out>
}

// -----

!in = !quant.uniform<i8:f32, 0.05:3>
!out = !quant.uniform<i8:f32, 0.00390625:-128>

func.func @unranked(%arg0: tensor<*x!in>) -> tensor<*x!out> {
  %0 = quant.dcast %arg0 : tensor<*x!in> to tensor<*xf32>
  %1 = tosa.sigmoid %0 : (tensor<*xf32>) -> tensor<*xf32>
  // expected-remark@+1 {{result of quant.qcast: type 'tensor<*x!quant.uniform<i8:f32, 3.906250e-03:-128>>' is not a ranked tensor}}
  %2 = quant.qcast %1 : tensor<*xf32> to tensor<*x!out>
  return %2 : tensor<*x!out>
}

// -----

!in = !quant.uniform<i8:f32, 0.05:3>
!out = !quant.uniform<i8:f32, 0.0078125:0>

// A per-channel constant makes the result depend on the position.
func.func @non_splat_constant(%arg0: tensor<1x4x!in>) -> tensor<1x4x!out> {
  %c = "tosa.const"() <{values = dense<[[1.0, 2.0, 3.0, 4.0]]> : tensor<1x4xf32>}> : () -> tensor<1x4xf32>
  %0 = quant.dcast %arg0 : tensor<1x4x!in> to tensor<1x4xf32>
  %1 = tosa.add %0, %c : (tensor<1x4xf32>, tensor<1x4xf32>) -> tensor<1x4xf32>
  // expected-remark@+1 {{not folded into a table: the island reads a constant that is not a splat of a type it can hold}}
  %2 = quant.qcast %1 : tensor<1x4xf32> to tensor<1x4x!out>
  return %2 : tensor<1x4x!out>
}

// Two different quantized inputs.
func.func @two_sources(%arg0: tensor<1x4x!in>, %arg1: tensor<1x4x!in>) -> tensor<1x4x!out> {
  %0 = quant.dcast %arg0 : tensor<1x4x!in> to tensor<1x4xf32>
  %1 = quant.dcast %arg1 : tensor<1x4x!in> to tensor<1x4xf32>
  %2 = tosa.add %0, %1 : (tensor<1x4xf32>, tensor<1x4xf32>) -> tensor<1x4xf32>
  // expected-remark@+1 {{not folded into a table: the island reads two quantized inputs}}
  %3 = quant.qcast %2 : tensor<1x4xf32> to tensor<1x4x!out>
  return %3 : tensor<1x4x!out>
}

// A float value from elsewhere.
func.func @float_operand(%arg0: tensor<1x4x!in>, %arg1: tensor<1x4xf32>) -> tensor<1x4x!out> {
  %0 = quant.dcast %arg0 : tensor<1x4x!in> to tensor<1x4xf32>
  %1 = tosa.add %0, %arg1 : (tensor<1x4xf32>, tensor<1x4xf32>) -> tensor<1x4xf32>
  // expected-remark@+1 {{not folded into a table: the island reads a block argument other than its quantized input}}
  %2 = quant.qcast %1 : tensor<1x4xf32> to tensor<1x4x!out>
  return %2 : tensor<1x4x!out>
}

// A splat constant of a larger shape broadcasts each input element to
// several outputs.
func.func @broadcasting_constant(%arg0: tensor<1x4x!in>) -> tensor<3x4x!out> {
  %c = "tosa.const"() <{values = dense<1.0> : tensor<3x1xf32>}> : () -> tensor<3x1xf32>
  %0 = quant.dcast %arg0 : tensor<1x4x!in> to tensor<1x4xf32>
  %1 = tosa.add %0, %c : (tensor<1x4xf32>, tensor<3x1xf32>) -> tensor<3x4xf32>
  // expected-remark@+1 {{not folded into a table: 'tosa.add' produces 'tensor<3x4xf32>', which is not element-for-element with the input 'tensor<1x4x!quant.uniform<i8:f32, 5.000000e-02:3>>'}}
  %2 = quant.qcast %1 : tensor<3x4xf32> to tensor<3x4x!out>
  return %2 : tensor<3x4x!out>
}

// A non-element-wise operation inside.
func.func @reduction_inside(%arg0: tensor<1x4x!in>) -> tensor<1x1x!out> {
  %0 = quant.dcast %arg0 : tensor<1x4x!in> to tensor<1x4xf32>
  %1 = tosa.reduce_sum %0 {axis = 1 : i32} : (tensor<1x4xf32>) -> tensor<1x1xf32>
  %2 = tosa.exp %1 : (tensor<1x1xf32>) -> tensor<1x1xf32>
  // expected-remark@+1 {{not folded into a table: 'tosa.reduce_sum' is not an element-wise operation an island may contain}}
  %3 = quant.qcast %2 : tensor<1x1xf32> to tensor<1x1x!out>
  return %3 : tensor<1x1x!out>
}

// An element type the interpreter does not model.
func.func @i64_inside(%arg0: tensor<1x4x!in>) -> tensor<1x4x!out> {
  %0 = quant.dcast %arg0 : tensor<1x4x!in> to tensor<1x4xf32>
  %1 = tosa.cast %0 : (tensor<1x4xf32>) -> tensor<1x4xi64>
  %2 = tosa.cast %1 : (tensor<1x4xi64>) -> tensor<1x4xf32>
  // expected-remark@+1 {{not folded into a table: 'tosa.cast' reads 'tensor<1x4xi64>', which an island cannot hold}}
  %3 = quant.qcast %2 : tensor<1x4xf32> to tensor<1x4x!out>
  return %3 : tensor<1x4x!out>
}

// MUL with a non-zero shift is not a float multiply.
func.func @mul_with_shift(%arg0: tensor<1x4x!in>, %shift: tensor<1xi8>) -> tensor<1x4x!out> {
  %0 = quant.dcast %arg0 : tensor<1x4x!in> to tensor<1x4xf32>
  %1 = tosa.mul %0, %0, %shift : (tensor<1x4xf32>, tensor<1x4xf32>, tensor<1xi8>) -> tensor<1x4xf32>
  // expected-remark@+1 {{not folded into a table: 'tosa.mul' has a shift that is not constant 0}}
  %2 = quant.qcast %1 : tensor<1x4xf32> to tensor<1x4x!out>
  return %2 : tensor<1x4x!out>
}

// -----

// A 16-bit input with a 32-bit result is left alone.

!in = !quant.uniform<i16:f32, 0.001>
!out = !quant.uniform<i32:f32, 0.001>

func.func @int32_output(%arg0: tensor<4x!in>) -> tensor<4x!out> {
  %0 = quant.dcast %arg0 : tensor<4x!in> to tensor<4xf32>
  %1 = tosa.sigmoid %0 : (tensor<4xf32>) -> tensor<4xf32>
  // expected-remark@+1 {{not folded into a table: result of quant.qcast: storage type of '!quant.uniform<i32:f32, 1.000000e-03>' is not signed 8- or 16-bit}}
  %2 = quant.qcast %1 : tensor<4xf32> to tensor<4x!out>
  return %2 : tensor<4x!out>
}

// -----

// si8 storage parses, but quant.scast cannot view it as the signless i8
// that tosa.table reads: no valid IR folds it.
!out = !quant.uniform<i8:f32, 0.00390625:-128>

func.func @si8_input(%arg0: tensor<4x!quant.uniform<si8:f32, 0.05:3>>) -> tensor<4x!out> {
  %0 = quant.dcast %arg0 : tensor<4x!quant.uniform<si8:f32, 0.05:3>> to tensor<4xf32>
  %1 = tosa.sigmoid %0 : (tensor<4xf32>) -> tensor<4xf32>
  // expected-remark@+1 {{not folded into a table: input of quant.dcast: storage type si8 is not signless: quant.scast views quantized values only as the signless integers TOSA reads}}
  %2 = quant.qcast %1 : tensor<4xf32> to tensor<4x!out>
  return %2 : tensor<4x!out>
}

// -----

!in = !quant.uniform<i16:f32, 0.0005:0>

func.func @si16_output(%arg0: tensor<4x!in>) -> tensor<4x!quant.uniform<si16:f32, 0.00003:0>> {
  %0 = quant.dcast %arg0 : tensor<4x!in> to tensor<4xf32>
  %1 = tosa.tanh %0 : (tensor<4xf32>) -> tensor<4xf32>
  // expected-remark@+1 {{not folded into a table: result of quant.qcast: storage type si16 is not signless: quant.scast views quantized values only as the signless integers TOSA reads}}
  %2 = quant.qcast %1 : tensor<4xf32> to tensor<4x!quant.uniform<si16:f32, 0.00003:0>>
  return %2 : tensor<4x!quant.uniform<si16:f32, 0.00003:0>>
}
