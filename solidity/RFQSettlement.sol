// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {EIP712} from "@openzeppelin/contracts/utils/cryptography/EIP712.sol";
import {SignatureChecker} from "@openzeppelin/contracts/utils/cryptography/SignatureChecker.sol";
import {StockToken} from "./StockToken.sol";

/// @title RFQSettlement — settles maker-signed EIP-712 stock orders filled by whitelisted takers.
/// @notice A maker signs an Order off-chain; a whitelisted taker (the RFQ desk's) executes the real
/// trade and calls fillOrder, which checks everything itself — the maker's signature (EOA or
/// ERC-1271 wallet), the deadline, the nonce and the remainder — and moves the tokens in the same
/// transaction:
///   buy:  the principal is minted `fillQuantity` shares; the maker pays price × fillQuantity plus
///         the incentive share to the taker, and the desk fee to the fee recipient.
///   sell: the principal's shares are burnt (from its allowance to this contract); the taker pays
///         price × fillQuantity, of which the principal gets all but the desk fee; the maker pays
///         the incentive share to the taker.
/// Each (maker, nonce) belongs to one order hash from its first fill on; the maker can invalidate a
/// nonce at any time (a trustless cancel, also of a partly filled order's remainder).
contract RFQSettlement is EIP712, AccessControl {
    using SafeERC20 for IERC20;

    /// @notice Accounts allowed to call fillOrder.
    bytes32 public constant TAKER_ROLE = keccak256("TAKER_ROLE");
    /// @notice Accounts allowed to issue shares outside a fill (the local chain's faucet).
    bytes32 public constant ISSUER_ROLE = keccak256("ISSUER_ROLE");

    bytes32 public constant ORDER_TYPEHASH = keccak256(
        "Order(address maker,address principal,bool isBuy,string ticker,uint16 exchange,address asset,uint256 price,uint256 quantity,uint256 incentive,uint64 deadline,uint256 nonce)"
    );
    /// @dev Marks an invalidated nonce in `nonceOrder`.
    bytes32 private constant CANCELLED = bytes32(type(uint256).max);
    uint16 public constant MAX_FEE_BPS = 1_000;

    struct Order {
        address maker;
        address principal;
        bool isBuy;
        string ticker;
        uint16 exchange;
        address asset;
        uint256 price;
        uint256 quantity;
        uint256 incentive;
        uint64 deadline;
        uint256 nonce;
    }

    IERC20 public immutable stablecoin;
    address public feeRecipient;
    uint16 public feeBps;

    /// @notice Quantity filled so far, per order hash.
    mapping(bytes32 orderHash => uint256) public filled;
    /// @notice The order hash a maker's nonce is bound to (zero: unused; all ones: invalidated).
    mapping(address maker => mapping(uint256 nonce => bytes32)) public nonceOrder;
    /// @notice The stock token listed for (ticker, exchange).
    mapping(bytes32 listing => address) public assetOf;

    /// @notice The caller is not a whitelisted taker.
    error NotWhitelistedTaker(address caller);
    /// @notice The signature is not the maker's over this exact order (forged or tampered).
    error InvalidSignature();
    /// @notice The order's deadline has passed.
    error OrderExpired(uint64 deadline, uint256 blockTime);
    /// @notice The maker's nonce was invalidated, or belongs to another order.
    error NonceUsed(address maker, uint256 nonce);
    /// @notice The fill is larger than what is left of the order.
    error Overfill(uint256 remaining, uint256 requested);
    /// @notice A fill of zero.
    error ZeroFill();
    /// @notice The taker asked for more incentive than the fill's pro-rata share.
    error IncentiveTooHigh(uint256 maxIncentive, uint256 requested);
    /// @notice The order's asset is not the token listed for its ticker and exchange.
    error UnknownAsset(string ticker, uint16 exchange, address asset);
    /// @notice A zero address where an account is needed.
    error ZeroAddress();
    /// @notice A fee above MAX_FEE_BPS.
    error FeeTooHigh(uint16 feeBps);

    event OrderFilled(
        bytes32 indexed orderHash,
        address indexed maker,
        address indexed taker,
        address principal,
        bool isBuy,
        uint256 fillQuantity,
        uint256 filledAmount,
        uint256 feeAmount,
        uint256 incentiveAmount,
        uint256 totalFilled
    );
    event NonceInvalidated(address indexed maker, uint256 indexed nonce);
    event AssetListed(string ticker, uint16 exchange, address asset);
    event SharesIssued(address indexed asset, address indexed to, uint256 quantity);
    event FeeChanged(address feeRecipient, uint16 feeBps);

    constructor(address admin, IERC20 stablecoin_, address feeRecipient_, uint16 feeBps_)
        EIP712("RFQSettlement", "1")
    {
        if (admin == address(0) || address(stablecoin_) == address(0)) revert ZeroAddress();
        stablecoin = stablecoin_;
        _grantRole(DEFAULT_ADMIN_ROLE, admin);
        _grantRole(ISSUER_ROLE, admin);
        _setFee(feeRecipient_, feeBps_);
    }

    function listAsset(string calldata ticker, uint16 exchange, address asset)
        external
        onlyRole(DEFAULT_ADMIN_ROLE)
    {
        if (asset == address(0)) revert ZeroAddress();
        assetOf[_listing(ticker, exchange)] = asset;
        emit AssetListed(ticker, exchange, asset);
    }

    function setFee(address feeRecipient_, uint16 feeBps_) external onlyRole(DEFAULT_ADMIN_ROLE) {
        _setFee(feeRecipient_, feeBps_);
    }

    /// @notice Issue shares outside a fill (the faucet of a local chain).
    function issue(address asset, address to, uint256 quantity) external onlyRole(ISSUER_ROLE) {
        StockToken(asset).mint(to, quantity);
        emit SharesIssued(asset, to, quantity);
    }

    /// @notice The EIP-712 digest the maker signs for `order`.
    function hashOrder(Order calldata order) public view returns (bytes32) {
        return _hashTypedDataV4(
            keccak256(
                abi.encode(
                    ORDER_TYPEHASH,
                    order.maker,
                    order.principal,
                    order.isBuy,
                    keccak256(bytes(order.ticker)),
                    order.exchange,
                    order.asset,
                    order.price,
                    order.quantity,
                    order.incentive,
                    order.deadline,
                    order.nonce
                )
            )
        );
    }

    /// @notice What is left to fill of `order` (zero once its nonce is invalidated or used by another).
    function remaining(Order calldata order) external view returns (uint256) {
        bytes32 orderHash = hashOrder(order);
        bytes32 bound = nonceOrder[order.maker][order.nonce];
        if (bound != bytes32(0) && bound != orderHash) return 0;
        return order.quantity - filled[orderHash];
    }

    /// @notice Invalidate one of the caller's nonces: no order signed with it can be filled again.
    function invalidateNonce(uint256 nonce) external {
        nonceOrder[msg.sender][nonce] = CANCELLED;
        emit NonceInvalidated(msg.sender, nonce);
    }

    function fillOrder(Order calldata order, bytes calldata signature, uint256 fillQuantity, uint256 takerIncentive)
        external
        returns (bytes32 orderHash)
    {
        if (!hasRole(TAKER_ROLE, msg.sender)) revert NotWhitelistedTaker(msg.sender);
        if (fillQuantity == 0) revert ZeroFill();
        if (block.timestamp > order.deadline) revert OrderExpired(order.deadline, block.timestamp);
        if (order.maker == address(0) || order.principal == address(0)) revert ZeroAddress();
        if (assetOf[_listing(order.ticker, order.exchange)] != order.asset || order.asset == address(0)) {
            revert UnknownAsset(order.ticker, order.exchange, order.asset);
        }
        orderHash = hashOrder(order);
        bytes32 bound = nonceOrder[order.maker][order.nonce];
        if (bound != bytes32(0) && bound != orderHash) revert NonceUsed(order.maker, order.nonce);
        if (!SignatureChecker.isValidSignatureNow(order.maker, orderHash, signature)) revert InvalidSignature();
        uint256 left = order.quantity - filled[orderHash];
        if (fillQuantity > left) revert Overfill(left, fillQuantity);
        // takerIncentive ≤ incentive × fillQuantity / quantity, without rounding
        if (takerIncentive * order.quantity > order.incentive * fillQuantity) {
            revert IncentiveTooHigh((order.incentive * fillQuantity) / order.quantity, takerIncentive);
        }

        if (bound == bytes32(0)) nonceOrder[order.maker][order.nonce] = orderHash;
        uint256 totalFilled = filled[orderHash] + fillQuantity;
        filled[orderHash] = totalFilled;

        (uint256 filledAmount, uint256 feeAmount) = _settle(order, fillQuantity, takerIncentive);
        emit OrderFilled(
            orderHash,
            order.maker,
            msg.sender,
            order.principal,
            order.isBuy,
            fillQuantity,
            filledAmount,
            feeAmount,
            takerIncentive,
            totalFilled
        );
    }

    function _settle(Order calldata order, uint256 fillQuantity, uint256 takerIncentive)
        private
        returns (uint256 filledAmount, uint256 feeAmount)
    {
        filledAmount = order.price * fillQuantity;
        feeAmount = (filledAmount * feeBps) / 10_000;
        if (order.isBuy) {
            stablecoin.safeTransferFrom(order.maker, msg.sender, filledAmount + takerIncentive);
            if (feeAmount > 0) stablecoin.safeTransferFrom(order.maker, feeRecipient, feeAmount);
            StockToken(order.asset).mint(order.principal, fillQuantity);
        } else {
            StockToken(order.asset).burnFrom(order.principal, fillQuantity);
            stablecoin.safeTransferFrom(msg.sender, order.principal, filledAmount - feeAmount);
            if (feeAmount > 0) stablecoin.safeTransferFrom(msg.sender, feeRecipient, feeAmount);
            if (takerIncentive > 0) stablecoin.safeTransferFrom(order.maker, msg.sender, takerIncentive);
        }
    }

    function _setFee(address feeRecipient_, uint16 feeBps_) private {
        if (feeRecipient_ == address(0)) revert ZeroAddress();
        if (feeBps_ > MAX_FEE_BPS) revert FeeTooHigh(feeBps_);
        feeRecipient = feeRecipient_;
        feeBps = feeBps_;
        emit FeeChanged(feeRecipient_, feeBps_);
    }

    function _listing(string calldata ticker, uint16 exchange) private pure returns (bytes32) {
        return keccak256(abi.encode(ticker, exchange));
    }
}
